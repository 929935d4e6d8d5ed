// Which folder holds the jurisdiction's content: src/content/ (the demo city) or
// the folder named by OPENBEAT_CONTENT, so one build serves the demo, a
// department's real data, or a benchmark city without editing the repository.
import path from 'node:path';

export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.OPENBEAT_CONTENT ?? 'src/content');
}
