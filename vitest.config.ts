import { defineConfig } from 'vitest/config';

// Three projects, one command: unit tests beside the code, database tests
// against the real local stack, and browser tests against the built site.
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summaryReporter.ts'],
    projects: [
      {
        test: { name: 'unit', include: ['src/**/*.test.ts'] },
      },
      {
        test: {
          name: 'db',
          include: ['tests/db/**/*.test.ts'],
          globalSetup: ['tests/support/stackSetup.ts'],
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/siteSetup.ts'],
          hookTimeout: 180_000,
          testTimeout: 30_000,
          // A browser on a busy two-core machine can take more than the default second to react.
          expect: { poll: { timeout: 5_000 } },
        },
      },
    ],
  },
});
