/**
 * manifest.json, the provenance of a run or a batch: one zod schema each, used by the one typed
 * reader (src/io/manifest.ts) and, through `.describe()`, by the codebook. The writers build
 * these objects (src/io/run-output.ts, src/batch/manifest.ts) and the types here are theirs.
 *
 * Pure: no Node imports.
 */
import { z } from 'zod';
import { TRUST_OUTPUT_MEANING } from './files.js';
import { PARQUET_MEANING } from './parquet.js';

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const numbers = z.record(z.string(), z.number());
/** File name → SHA-256 (hex) of its bytes. */
const checksumsSchema = z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/));

/** The calendar of a scenario (src/core/calendar.ts): election months and structural events. */
export const calendarSchema = z
  .object({
    elections: z.array(yearMonth),
    cycle: z.number().int(),
    events: z.array(
      z.object({ date: yearMonth, change: z.enum(['start', 'end', 'change']), arrangement: z.string(), name: z.string(), kind: z.string(), label: z.string().nullable() }).strict(),
    ),
  })
  .strict()
  .describe('Election months and the structural scenario events (arrangements started, ended or changed, with their kind and label), for chart markers and captions.');

export const BATCH_MANIFEST_KIND = 'regiosim-batch';
/** Format of a batch directory; a batch of another format is not resumed or merged. */
export const BATCH_FORMAT = 1;

export const planScenarioSchema = z
  .object({
    name: z.string().describe('Scenario name.'),
    title: z.string().describe('Readable title.'),
    title_nl: z.string().optional().describe('Readable title in Dutch.'),
    description: z.string().optional().describe('What the scenario represents.'),
    description_nl: z.string().optional().describe('What the scenario represents, in Dutch.'),
    region: z.string().describe('Name of the region.'),
    load: z.string().describe('What the batch loads: a built-in name or an absolute path.'),
    file: z.string().describe('`scenarios/<name>.yaml` for a built-in, else the path given.'),
    sha256: z.string().describe('SHA-256 of the file\'s bytes.'),
    start: yearMonth.describe('First month.'),
    end: yearMonth.describe('Last month.'),
    months: z.number().int().describe('Months simulated.'),
    evaluation: z.object({ from: yearMonth, to: yearMonth }).describe('Window of the per-run outcomes.'),
  })
  .strict();

export const batchManifestSchema = z
  .object({
    kind: z.literal(BATCH_MANIFEST_KIND).describe('Always "regiosim-batch".'),
    format: z.number().int().describe('Format of the batch directory.'),
    regiosim_version: z.string().describe('Version of regiosim that ran it.'),
    git_commit: z.string().nullable().describe('Commit of the regiosim checkout, or null when unknown.'),
    node: z.string().describe('Node.js version.'),
    command: z.string().describe('The command line, shell-quoted.'),
    status: z.enum(['running', 'complete']).describe('Whether every planned run is done.'),
    started: z.string().describe('When the batch started (ISO 8601, UTC).'),
    finished: z.string().nullable().describe('When it finished, or null.'),
    resumed: z.array(z.string()).describe('When it was resumed.'),
    workers: z.number().int().describe('Worker threads of the last session.'),
    keep_timeseries: z.boolean().describe('Whether timeseries-runs.csv is written.'),
    parquet: z.literal(true).optional().describe(`Present (true) when the batch also writes Parquet files (\`--parquet\`). ${PARQUET_MEANING}`),
    shard: z.object({ index: z.number().int(), count: z.number().int() }).nullable().describe('The slice i/n of a shard, or null.'),
    merged_from: z.array(z.string()).optional().describe('Shard directories a merged result was made from.'),
    counts: z
      .object({ scenarios: z.number().int(), points: z.number().int(), replications: z.number().int(), planned: z.number().int(), done: z.number().int() })
      .describe('Scenarios, points, replications, runs planned and done.'),
    scenarios: z.array(planScenarioSchema).describe('The scenarios, with the SHA-256 of their files.'),
    files: checksumsSchema.optional().describe('SHA-256 of every result file the batch wrote (points.csv, runs.csv, ...), checked by every command that reads them: a file changed since, or a manifest edited, is refused. Written when the batch is complete; absent in batches of older versions.'),
    experiment: z
      .object({
        name: z.string(),
        title: z.string(),
        file: z.string().nullable(),
        hash: z.string(),
        master_seed: z.number().int(),
        replications: z.number().int(),
        set: numbers,
        param_columns: z.array(z.string()),
        points: z.array(z.object({ point: z.number().int(), scenario: z.string(), overrides: numbers, parameters: numbers, calendar: calendarSchema.optional() }).strict()),
      })
      .strict()
      .describe('The whole plan: name, title, experiment file, hash of what the results depend on (scenario contents, points, replications, master seed), master seed, replications, parameters set in every run, the param_ columns, and every point with its overrides, parameter values and calendar.'),
  })
  .strict();

export type PlanScenario = z.infer<typeof planScenarioSchema>;
export type BatchManifest = z.infer<typeof batchManifestSchema>;

export const runManifestSchema = z
  .object({
    regiosim_version: z.string().describe('Version of regiosim that ran it.'),
    created: z.string().describe('When the run was written (ISO 8601, UTC).'),
    command: z.string().describe('The command line, shell-quoted.'),
    scenario: z.object({ name: z.string(), file: z.string(), sha256: z.string() }).strict().describe('The scenario: name, file (`scenarios/<name>.yaml` for a built-in, else the path given) and the SHA-256 of its bytes.'),
    seed: z.number().int().describe('The seed.'),
    parameters: numbers.describe('Every model parameter after overrides.'),
    overrides: numbers.describe('The overrides given (--set).'),
    calendar: calendarSchema.optional(),
    files: checksumsSchema.optional().describe('SHA-256 of every other file of the run (timeseries.csv, events.jsonl, summary.json, trust.csv), checked by the commands that read them; absent in runs of older versions.'),
    trust: z.enum(['sparse', 'none']).optional().describe(`How trust.csv was written (\`regiosim run --trust\`); absent: all pairs. sparse: ${TRUST_OUTPUT_MEANING.sparse} none: ${TRUST_OUTPUT_MEANING.none}`),
    node: z.string().describe('Node.js version.'),
  })
  .strict();

export type RunManifest = z.infer<typeof runManifestSchema>;
