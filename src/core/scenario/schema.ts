/**
 * The scenario file format, as a zod schema that rejects unknown keys. Pure: parsing YAML and
 * reading files happen in src/io. The JSON Schema in scenarios/scenario.schema.json is exported
 * from this schema (`npm run schema`), so editors can autocomplete scenario files.
 *
 * Every number and list has bounds (src/core/scenario/limits.ts) that keep a run finite and fast;
 * each bound is stated in the field's description, so the JSON Schema documents it too.
 */
import { z } from 'zod';
import { DOMAINS } from '../domains.js';
import { ARRANGEMENT_KINDS, FORMATION_KINDS, KIND_NUMERIC, KIND_NUMERIC_SPECS, type KindNumeric } from '../entities/arrangement.js';
import { MAX_ARRANGEMENTS, MAX_CODE, MAX_DESCRIPTION, MAX_EVENTS, MAX_ID, MAX_MONTHS, MAX_MUNICIPALITIES, MAX_NAME, MAX_POPULATION, MAX_TITLE, MAX_WORK, MAX_YEAR, MIN_YEAR } from './limits.js';

/** YYYY-MM with a year from MIN_YEAR (1900) to MAX_YEAR (2200); a test checks the two agree. */
export const YEAR_MONTH = /^(19\d{2}|2[01]\d{2}|2200)-(0[1-9]|1[0-2])$/;

const yearMonth = z
  .string()
  .regex(YEAR_MONTH, { message: `a date written YYYY-MM between ${MIN_YEAR}-01 and ${MAX_YEAR}-12 (for example 2015-01)` })
  .describe(`A month, written YYYY-MM, between ${MIN_YEAR}-01 and ${MAX_YEAR}-12.`);

const slug = z
  .string()
  .max(MAX_ID)
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'lower-case letters, digits and hyphens (for example my-region)' });

const name = (max: number) => z.string().min(1).max(max);

const domain = z.enum(DOMAINS).describe('A policy domain.');
const kind = z.enum(ARRANGEMENT_KINDS).describe('Kind of arrangement.');

const inlineMunicipality = z
  .object({
    name: name(MAX_NAME).describe(`Name of the municipality, unique within the region (at most ${MAX_NAME} characters).`),
    population: z.number().int().min(1).max(MAX_POPULATION).describe(`Number of inhabitants, 1 to ${MAX_POPULATION.toLocaleString('en')} (the cost of a run grows with it).`),
    code: name(MAX_CODE).optional().describe(`Optional code, e.g. a CBS GM code (at most ${MAX_CODE} characters); generated (U001, U002, ...) when absent.`),
    neighbours: z.array(name(MAX_NAME)).max(MAX_MUNICIPALITIES).optional().describe('Names of bordering municipalities in this region. When no municipality lists neighbours, all are treated as neighbours.'),
  })
  .strict();

const inlineRegion = z
  .object({
    id: slug.optional().describe('Identifier; defaults to a slug of the name.'),
    name: name(MAX_TITLE).describe('Name of the region.'),
    year: z.number().int().min(1800).max(2200).optional().describe('Reference year of the municipal division.'),
    source: z.string().max(MAX_DESCRIPTION).optional().describe('Where the figures come from.'),
    municipalities: z.array(inlineMunicipality).min(2).max(MAX_MUNICIPALITIES).describe(`The municipalities of the region, 2 to ${MAX_MUNICIPALITIES}.`),
  })
  .strict();

const membersRegion = z
  .object({
    id: slug.optional().describe('Identifier; defaults to a slug of the name.'),
    name: name(MAX_TITLE).optional().describe('Name of the region; defaults to the first three members\' names and how many more (Delft, Zoetermeer, Westland +5).'),
    members: z
      .array(name(MAX_NAME))
      .min(2)
      .max(MAX_MUNICIPALITIES)
      .describe(`The municipalities of the region, 2 to ${MAX_MUNICIPALITIES}, by name (in any case) or CBS code (GM0637), in the 2019 division. Population, province, neighbours and map shapes come from data/nl-municipalities-2019.json.`),
  })
  .strict();

const members = z
  .union([z.literal('all'), z.array(name(MAX_NAME)).min(1).max(MAX_MUNICIPALITIES)])
  .describe('"all", or a list of member names or codes (a reference that is the name of one municipality and the code of another is refused).');

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
    name: name(MAX_TITLE).optional().describe('Readable name; defaults to the id.'),
    kind,
    members,
    domains: z.array(domain).min(1).max(20).describe('Domains on the table (for a modular GR: the modules on offer).'),
    modules: z
      .partialRecord(domain, members)
      .optional()
      .describe('Modular GR only: members per module. Modules not listed are opted into by each member on its own interest at the start.'),
    funding: funding.optional(),
    fundShare: z.number().min(0).max(1).optional().describe('Share of a funded task\'s cost the central funds pay (default 0.5).'),
    properties: kindOverrides.optional(),
    startup: z
      .number()
      .int()
      .min(0)
      .max(60)
      .optional()
      .describe('Months of start-up in which an arrangement started by an event costs in full but works at reduced strength (default: the model\'s start-up, startupMonths, or kwartiermakerMonths when a kwartiermaker is appointed; 0 for a body that takes over a working bureau). Ignored for arrangements in place at the start.'),
  })
  .strict();

const eventBase = { date: yearMonth.describe('Month the event takes effect.'), label: z.string().max(MAX_NAME).optional().describe('Short label for charts.') };

export const eventSchema = z.discriminatedUnion('type', [
  z.object({ ...eventBase, type: z.literal('start-arrangement'), arrangement: arrangementSchema }).strict(),
  z.object({ ...eventBase, type: z.literal('end-arrangement'), arrangement: slug.describe('An arrangement active on this date; it may be ended once.'), reason: z.string().max(MAX_TITLE).optional() }).strict(),
  z
    .object({
      ...eventBase,
      type: z.literal('change-arrangement'),
      arrangement: slug,
      properties: kindOverrides.optional(),
      funding: funding.optional(),
      domains: z.array(domain).min(1).max(20).optional(),
    })
    .strict(),
  z.object({ ...eventBase, type: z.literal('task-rate'), domain, multiplier: z.number().min(0).max(20).describe('Arrival rate of the domain relative to the default from this date on.') }).strict(),
  z.object({ ...eventBase, type: z.literal('austerity'), capacity: z.number().min(0.1).max(1.5).describe('Multiplies every municipality\'s regional capacity from this date on (cumulative).') }).strict(),
]);

export const scenarioSchema = z
  .object({
    $schema: z.string().optional(),
    name: slug.describe('Short name, used for output folders.'),
    title: name(MAX_TITLE).optional().describe('Readable title.'),
    description: z.string().max(MAX_DESCRIPTION).optional().describe('What the scenario represents (shown by `regiosim scenarios`).'),
    nl: z
      .object({
        title: name(MAX_TITLE).optional().describe('Readable title in Dutch.'),
        description: z.string().max(MAX_DESCRIPTION).optional().describe('What the scenario represents, in Dutch plain words.'),
      })
      .strict()
      .optional()
      .describe('Title and description in Dutch, used by Dutch output (summary, report, brief); without them Dutch output shows the English ones.'),
    reference: name(MAX_NAME)
      .optional()
      .describe('The scenario this one is compared with (a built-in scenario name or a scenario file, relative to this one): `regiosim scenarios` says in what the two differ.'),
    region: z
      .union([slug.describe('A built-in region id (see `regiosim regions`).'), inlineRegion, membersRegion])
      .describe('A built-in region id, a region written out (name and municipalities with their populations), or a region named by its members (members: names or CBS codes; everything else from data/).'),
    start: yearMonth.describe('First reported month.'),
    end: yearMonth.describe(`Last simulated month: not before start, and at most ${MAX_MONTHS} months (${MAX_MONTHS / 12} years) from it. The whole run, spin-up included, may take at most ${MAX_WORK / 1e6} million work units, months x (n^2 + 3 x tasks per month x n) + 60 x n^2 x trust snapshots for n municipalities (about a minute and a half of one core).`),
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
        formationKinds: z
          .array(kind)
          .min(1)
          .max(ARRANGEMENT_KINDS.length)
          .optional()
          .describe(`Kinds of arrangement municipalities may form themselves; they choose among them by expected net value and trust (default ${FORMATION_KINDS.join(', ')}; see docs/ODD.md, structure dynamics).`),
      })
      .strict()
      .optional(),
    arrangements: z.array(arrangementSchema).max(MAX_ARRANGEMENTS).optional().describe(`Arrangements in place at the start (at most ${MAX_ARRANGEMENTS}).`),
    events: z.array(eventSchema).max(MAX_EVENTS).optional().describe(`Scenario events at dates (at most ${MAX_EVENTS}). Contradictory events are refused: ending or changing an arrangement that is not active then, or two task-rate events for one domain in one month.`),
  })
  .strict();

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type ArrangementDef = z.infer<typeof arrangementSchema>;
export type EventDef = z.infer<typeof eventSchema>;
export type KindOverrides = z.infer<typeof kindOverrides>;
