// Ends the run with one plain line, "N passed, N failed", that any CI can read,
// and makes sure a run that could not start (a failed global setup) or ran no
// test at all fails, whatever the runner itself decided.
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<SerializedError>) {
    let passed = 0;
    let failed = 0;
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
      }
    }
    console.log(`\ntests: ${passed} passed, ${failed} failed`);
    if (failed > 0 || errors.length > 0 || passed === 0) process.exitCode = 1;
  }
}
