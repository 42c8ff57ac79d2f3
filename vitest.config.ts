import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Builds dist/ once per test run for the tests that spawn the real CLI or workers.
    globalSetup: ['tests/setup/build.ts'],
  },
});
