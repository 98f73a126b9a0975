import { defineConfig } from 'vitest/config';

// The deep job (`npm run test:deep`): the verdict campaigns, thousands of
// runs per built-in. ZDSPEC_VERDICT_RUNS, ZDSPEC_VERDICT_MAX_COMMANDS,
// ZDSPEC_DEEP and ZDSPEC_SEED tune it (properties/deep/verdict-table.ts).
export default defineConfig({
  test: {
    include: ['properties/deep/**/*.test.ts'],
    setupFiles: ['properties/setup/fixed-seed.ts', 'properties/setup/test-env.ts'],
    testTimeout: 3_600_000,
    pool: 'threads',
  },
});
