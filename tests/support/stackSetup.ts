// Global setup of the db tests: one local stack for the whole run.
import type { TestProject } from 'vitest/node';
import { startTestStack, temporaryDataDir } from './testStack.ts';

export default async function setup(project: TestProject) {
  const { info, stop } = await startTestStack(temporaryDataDir());
  project.provide('stack', info);
  return stop;
}
