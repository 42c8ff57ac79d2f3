/**
 * The JSON files of a run besides its manifest: summary.json (outcomes, spells and
 * per-municipality outcomes) and the lines of events.jsonl, as zod schemas for their one reader
 * (src/render/load.ts) and the codebook. The writer is src/io/run-output.ts.
 *
 * Pure: no Node imports.
 */
import { z } from 'zod';
import { EVENT_TYPES } from '../core/events.js';
import { MUNICIPALITY_IDS, RUN_IDS } from '../core/measures.js';

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** Numbers in JSON: NaN and infinities are written as null. */
const num = z.number().nullable();

export const spellSchema = z
  .object({
    type: z.enum(['arrangement', 'membership']),
    arrangement: z.string(),
    kind: z.string(),
    municipality: z.string().optional(),
    module: z.string().optional(),
    start: yearMonth,
    end: yearMonth.nullable(),
    duration: z.number(),
    ended: z.union([z.literal(0), z.literal(1)]),
    reason: z.string(),
  })
  .strict();

export const arrangementInfoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    formed: z.boolean(),
    initiator: z.string().optional(),
    domains: z.array(z.string()),
  })
  .strict();

export const runSummarySchema = z
  .object({
    scenario: z.string().describe('Scenario name.'),
    title: z.string().describe('Its title.'),
    title_nl: z.string().optional().describe('Its Dutch title (the scenario\'s `nl.title`, else its title).'),
    seed: z.number().int().describe('The seed.'),
    region: z.string().describe('Region id.'),
    region_name: z.string().optional().describe('Region name.'),
    start: yearMonth.describe('First month.'),
    end: yearMonth.describe('Last month.'),
    evaluation: z.object({ from: yearMonth, to: yearMonth }).strict().describe('Window of the outcomes.'),
    outcomes: z.object(Object.fromEntries(RUN_IDS.map((id) => [id, num]))).strict().describe('Every per-run outcome (runs.csv), in the same order; null where undefined.'),
    spells: z.array(spellSchema).describe('Every survival spell (spells.csv without the run key).'),
    arrangements: z
      .array(arrangementInfoSchema)
      .optional()
      .describe('Every arrangement of the reported period, in the order they were set up: id, name, kind, formed (by the municipalities, else by the scenario), initiator (code, formed ones only) and domains at the end; the names of the membership chart and the story; summary files written before it was added lack it.'),
    municipalities: z
      .array(
        z
          .object({
            code: z.string(), name: z.string(), population: z.number(),
            measures: z.object(Object.fromEntries(MUNICIPALITY_IDS.map((id) => [id, num]))).strict(),
          })
          .strict(),
      )
      .describe('Per municipality: code, name, population and every per-municipality measure (the measure columns of municipalities.csv); null where undefined.'),
  })
  .strict();

export type RunSummary = z.infer<typeof runSummarySchema>;

export const eventLineSchema = z
  .object({
    date: yearMonth,
    type: z.enum(EVENT_TYPES as [string, ...string[]]),
    municipalities: z.array(z.string()),
    arrangement: z.string().optional(),
    domain: z.string().optional(),
    task: z.number().optional(),
    detail: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])).optional(),
  })
  .strict();

export type EventLine = z.infer<typeof eventLineSchema>;
