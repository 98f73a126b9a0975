import { defineConfig } from 'vitest/config';

// The everyday suite (`npm test`, under 90 s on two cores). Long campaigns
// live in properties/deep/ and run with `npm run test:deep`
// (vitest.deep.config.ts).
export default defineConfig({
  test: {
    include: ['properties/**/*.test.ts', 'models/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: ['properties/deep/**', 'node_modules/**'],
    setupFiles: ['properties/setup/fixed-seed.ts', 'properties/setup/test-env.ts'],
    testTimeout: 120_000,
    pool: 'threads',
    // vitest's default is one worker fewer than the cores: on two cores that
    // runs every file in one thread.
    maxWorkers: 2,
    // Test files share a worker's module cache (no re-import per file: the
    // suite went from 91 s to 70 s on two cores). Tests that change global
    // state restore it (vi.stubEnv, the process guard's afterEach); the
    // one that mutates the per-type table is in properties/deep/.
    isolate: false,
    // `npm run coverage` (vitest run --coverage) only: plain `npm test`
    // collects nothing. V8 coverage mapped to the .ts sources; `zdspec
    // check --coverage` measures a check run instead (src/coverage/).
    coverage: {
      provider: 'v8',
      include: ['models/**/*.ts', 'src/**/*.ts'],
      exclude: ['**/*.test.ts', '**/*.fixtures.ts', '**/testing/**'],
      reporter: ['lcovonly', 'html', 'text-summary'],
      reportsDirectory: 'reports/coverage/suite',
    },
  },
});
