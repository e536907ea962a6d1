import { defineConfig } from 'vitest/config';

/**
 * Three projects, run in this order by `npm test` (scripts/test.ts):
 * - unit: pure functions (`*.unit.test.ts`), no database, no network;
 * - integration: use cases and routes against a real database (`*.test.ts` under apps/server);
 * - e2e: browser journeys in Debian Chromium against the running app (`e2e/**\/*.e2e.test.ts`).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/**/src/**/*.unit.test.ts', 'apps/**/src/**/*.unit.test.ts', 'scripts/**/*.unit.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['apps/server/src/**/*.test.ts'],
          exclude: ['**/*.unit.test.ts', '**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: true,
          // Two files at a time: vitest's default (cores − 1) is one on a 2-core machine, which
          // leaves a core idle while a file waits on PostgreSQL, SMTP or a validator's JVM.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Two journeys at a time: each has its own app process, data directory (or PostgreSQL
          // database), SMTP sink and browser, and spends most of its time waiting on the app.
          fileParallelism: true,
          maxWorkers: 2,
          // A page waits on real work (password hashing, mail over SMTP): on a busy 2-core machine
          // that can take seconds, so a poll waits up to 15 s before it fails (1 s by default).
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
