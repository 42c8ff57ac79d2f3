import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two projects (`npx vitest run --project fast`, `--project slow`; no --project runs both):
 *
 * - `fast`: every test file not listed below. The developer loop (`npm test`), under a minute of
 *   test time on two cores.
 * - `slow`: the files listed here. The rule: a test file whose tests take more than about 4 s
 *   on two cores, or that needs Chromium or Slurm, goes here. CI (`.ci/run`, `npm run test:all`)
 *   runs both projects, so every test still runs before a merge.
 *
 * The seconds beside each file were measured on two shared cores (vitest's time for the file;
 * for the longest ones from a full run under load, so they are a guide, not a limit). Keep the
 * list in step with the files: a test file renamed or split keeps its entry. A new test file is
 * `fast` by default; when `npx vitest run --project fast` shows it above about 4 s, add it here.
 */
export const SLOW = [
  // statistical validation: paired seeded runs of whole scenarios
  'tests/validation/rebuild.test.ts', // 608 s
  'tests/validation/mechanisms.test.ts', // 295 s
  'tests/validation/measures.test.ts', // 9.5 s
  'tests/validation/stylized-facts.test.ts', // 60 seeds per scenario in its beforeAll
  'tests/validation/verification.test.ts', // 9.0 s
  // every output file of the CLI against recorded hashes
  'tests/golden/golden.test.ts', // 209 s
  // Chromium, Slurm, npm pack
  'tests/report/browser.test.ts', // 22 s
  'tests/playground/browser.test.ts', // 15 s
  'tests/integration/slurm.test.ts', // 52 s
  'tests/package.test.ts', // 19 s
  // real batches and end-to-end CLI runs
  'tests/batch/resume.test.ts', // 126 s
  'tests/batch/batch.test.ts', // 20 s
  'tests/cli/run.test.ts', // 18 s (`regiosim start`)
  'tests/report/brief.test.ts', // 16.5 s
  'tests/charts/explain.test.ts', // 8.8 s (every chart as PNG)
  'tests/cli/commands/uncertainty.test.ts', // 8.2 s
  'tests/batch/experiment.test.ts', // 7.5 s
  'tests/cli/bin.test.ts', // 5.2 s
  'tests/cli/fuzz.test.ts', // 5.1 s
  'tests/playground/worker.test.ts', // 5.0 s
  'tests/cli/outputs.test.ts', // 4.7 s
  'tests/cli/commands/sensitivity.test.ts', // 4.3 s
  'tests/cli/write-failures.test.ts', // 4.1 s
];

const shared = {
  testTimeout: 120_000,
  hookTimeout: 300_000,
  pool: 'forks',
} as const;

export default defineConfig({
  test: {
    // Builds dist/ once per test run (skipped when dist/ is up to date) for the tests that spawn
    // the real CLI or run the batch's worker threads. Defined here, not in the projects, so it
    // runs once however many projects run.
    globalSetup: ['tests/setup/build.ts'],
    projects: [
      { test: { ...shared, name: 'fast', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, ...SLOW] } },
      { test: { ...shared, name: 'slow', include: SLOW } },
    ],
  },
});
