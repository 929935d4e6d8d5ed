import { defineConfig } from 'vitest/config';

// Four projects, one command: unit tests beside the code, database tests
// against the real local stack, fault tests that break their own stack, and
// browser tests against the built site.
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
          // Property tests make thousands of real calls while other files share the two cores:
          // a bound on a hang, not on speed (seen at 5 s in CI for 3,000 registrations).
          testTimeout: 60_000,
        },
      },
      {
        // Each starts and breaks its own stack: alone, never beside another test file.
        test: { name: 'faults', include: ['tests/faults/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/siteSetup.ts'],
          hookTimeout: 180_000,
          testTimeout: 30_000,
          // A browser on a busy two-core machine can take more than the default second to react
          // (seen over 5 s in CI for a sign-in that loads supabase-js): a bound on waiting, not a timing.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
