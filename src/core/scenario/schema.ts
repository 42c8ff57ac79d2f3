/**
 * The scenario file format, as a zod schema that rejects unknown keys. Pure: parsing YAML and
 * reading files happen in src/io. The JSON Schema in scenarios/scenario.schema.json is exported
 * from this schema (`npm run schema`), so editors can autocomplete scenario files.
 */
import { z } from 'zod';
import { DOMAINS } from '../domains.js';
import { ARRANGEMENT_KINDS, KIND_NUMERIC, KIND_NUMERIC_SPECS, type KindNumeric } from '../entities/arrangement.js';

const yearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'a date written YYYY-MM (for example 2015-01)' })
  .describe('A month, written YYYY-MM.');

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'lower-case letters, digits and hyphens (for example my-region)' });

const domain = z.enum(DOMAINS).describe('A policy domain.');
const kind = z.enum(ARRANGEMENT_KINDS).describe('Kind of arrangement.');

const inlineMunicipality = z
  .object({
    name: z.string().min(1).describe('Name of the municipality, unique within the region.'),
    population: z.number().int().positive().describe('Number of inhabitants.'),
    code: z.string().min(1).optional().describe('Optional code, e.g. a CBS GM code; generated (U001, U002, ...) when absent.'),
    neighbours: z.array(z.string().min(1)).optional().describe('Names of bordering municipalities in this region. When no municipality lists neighbours, all are treated as neighbours.'),
  })
  .strict();

const inlineRegion = z
  .object({
    id: slug.optional().describe('Identifier; defaults to a slug of the name.'),
    name: z.string().min(1).describe('Name of the region.'),
    year: z.number().int().min(1800).max(2200).optional().describe('Reference year of the municipal division.'),
    source: z.string().optional().describe('Where the figures come from.'),
    municipalities: z.array(inlineMunicipality).min(2).describe('The municipalities of the region.'),
  })
  .strict();

const members = z
  .union([z.literal('all'), z.array(z.string().min(1)).min(1)])
  .describe('"all", or a list of member names or codes.');

/** The numeric kind properties with the bounds of their parameters (`kind.<kind>.<property>`, src/core/params.ts). */
function numericOverrides(): Record<KindNumeric, z.ZodOptional<z.ZodNumber>> {
  const out = {} as Record<KindNumeric, z.ZodOptional<z.ZodNumber>>;
  for (const prop of KIND_NUMERIC) {
    const spec = KIND_NUMERIC_SPECS[prop];
    const n = z.number().min(spec.min).max(spec.max);
    out[prop] = (spec.integer ? n.int() : n).optional().describe(`${spec.meaning} (${spec.unit})`);
  }
  return out;
}

const kindOverrides = z
  .object({
    decisionRule: z.enum(['majority', 'consensus', 'willing']).optional(),
    mandatory: z.boolean().optional(),
    secretariat: z.enum(['hub', 'secretary', 'none']).optional(),
    ...numericOverrides(),
  })
  .strict()
  .describe('Overrides of the kind\'s default properties (see docs/ODD.md, arrangement kinds).');

const funding = z
  .partialRecord(domain, z.number().min(0).max(10000))
  .describe('Central funds per domain, EUR per inhabitant of the members per year (e.g. the BDU transport grant).');

export const arrangementSchema = z
  .object({
    id: slug.describe('Identifier used by events and in outputs.'),
    name: z.string().min(1).optional().describe('Readable name; defaults to the id.'),
    kind,
    members,
    domains: z.array(domain).min(1).describe('Domains on the table (for a modular GR: the modules on offer).'),
    modules: z
      .partialRecord(domain, members)
      .optional()
      .describe('Modular GR only: members per module. Modules not listed are opted into by each member on its own interest at the start.'),
    funding: funding.optional(),
    fundShare: z.number().min(0).max(1).optional().describe('Share of a funded task\'s cost the central funds pay (default 0.5).'),
    properties: kindOverrides.optional(),
  })
  .strict();

const eventBase = { date: yearMonth.describe('Month the event takes effect.'), label: z.string().optional().describe('Short label for charts.') };

export const eventSchema = z.discriminatedUnion('type', [
  z.object({ ...eventBase, type: z.literal('start-arrangement'), arrangement: arrangementSchema }).strict(),
  z.object({ ...eventBase, type: z.literal('end-arrangement'), arrangement: slug, reason: z.string().optional() }).strict(),
  z
    .object({
      ...eventBase,
      type: z.literal('change-arrangement'),
      arrangement: slug,
      properties: kindOverrides.optional(),
      funding: funding.optional(),
      domains: z.array(domain).min(1).optional(),
    })
    .strict(),
  z.object({ ...eventBase, type: z.literal('task-rate'), domain, multiplier: z.number().min(0).max(20).describe('Arrival rate of the domain relative to the default from this date on.') }).strict(),
  z.object({ ...eventBase, type: z.literal('austerity'), capacity: z.number().min(0.1).max(1.5).describe('Multiplies every municipality\'s regional capacity from this date on (cumulative).') }).strict(),
]);

export const scenarioSchema = z
  .object({
    $schema: z.string().optional(),
    name: slug.describe('Short name, used for output folders.'),
    title: z.string().min(1).optional().describe('Readable title.'),
    description: z.string().optional().describe('What the scenario represents (shown by `regiosim scenarios`).'),
    reference: z
      .string()
      .min(1)
      .optional()
      .describe('The scenario this one is compared with (a built-in scenario name or a scenario file, relative to this one): `regiosim scenarios` says in what the two differ.'),
    region: z.union([slug.describe('A built-in region id (see `regiosim scenarios`).'), inlineRegion]),
    start: yearMonth.describe('First simulated month.'),
    end: yearMonth.describe('Last simulated month.'),
    spinup: z
      .number()
      .int()
      .min(0)
      .max(600)
      .optional()
      .describe('Months simulated before start and not reported, so the run starts in a steady state (default 192, sixteen years; see docs/ODD.md, section 5).'),
    evaluation: z
      .object({ from: yearMonth, to: yearMonth })
      .strict()
      .optional()
      .describe('Window over which per-run outcomes are computed; defaults to the whole horizon.'),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional().describe('Default seed for `regiosim run`.'),
    parameters: z.record(z.string(), z.number()).optional().describe('Overrides of model parameters (names and bounds in docs/ODD.md).'),
    structure: z
      .object({
        formation: z.boolean().optional().describe('Whether municipalities may form new arrangements (default true).'),
        formationKind: kind.optional().describe('Kind of arrangement the model forms (default network).'),
      })
      .strict()
      .optional(),
    arrangements: z.array(arrangementSchema).optional().describe('Arrangements in place at the start.'),
    events: z.array(eventSchema).optional().describe('Scenario events at dates.'),
  })
  .strict();

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type ArrangementDef = z.infer<typeof arrangementSchema>;
export type EventDef = z.infer<typeof eventSchema>;
export type KindOverrides = z.infer<typeof kindOverrides>;
