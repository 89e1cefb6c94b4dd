import { defineConfig } from 'vitest/config';

// Three projects, one runner: `npm test` runs them all.
//  - unit:    pure domain rules (src/domain), no I/O.
//  - api:     integration tests against a real embedded PostgreSQL (one database per file).
//  - browser: Playwright driving Debian's Chromium against a running Procura.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/domain/**/*.test.ts', 'src/web/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'api',
          include: ['src/modules/**/*.test.ts', 'src/db/**/*.test.ts', 'src/server/**/*.test.ts', 'src/seed/**/*.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
    // `src/domain` is unit-tested to the last branch: `npm test` enforces 100%.
    coverage: {
      provider: 'v8',
      include: ['src/domain/**/*.ts'],
      exclude: ['src/domain/**/*.test.ts', 'src/domain/**/index.ts'],
      thresholds: { statements: 100, branches: 100, functions: 100, lines: 100 },
      reporter: ['text-summary'],
    },
  },
});
