/**
 * regiosim as a library: load and validate scenarios, run one simulation, run, resume and merge
 * batches (with an AbortSignal and a progress callback), analyse them, build and draw charts,
 * write reports, and the registries that describe the model and its outputs.
 *
 *   import { simulate, planBatch, runBatch, analyzeBatch } from 'regiosim';
 */
export * from './api/index.js';
export { HEADLINE, MONTH_MEASURES, MUNICIPALITY_MEASURES, RUN_MEASURES, UNITS, measure, type MeasureSpec, type MonthMeasureId, type RunMeasureId } from './core/measures.js';
export { EVENTS, type EventType } from './core/events.js';
export { PARAMS, PARAM_NAMES, defaultParams, type ParamName, type ParamSpec, type Params } from './core/params.js';
export type { ModelEvent, RunResult, Spell } from './core/results.js';
export type { Scenario } from './core/scenario/resolve.js';
export { scenarioCalendar, type Calendar } from './core/calendar.js';
export { deriveSeed } from './core/seeds.js';
export { CSV_SCHEMAS } from './formats/files.js';
export { UserError, formatUserError, type Problem } from './io/errors.js';
export { LANGS, type Lang } from './i18n/index.js';
