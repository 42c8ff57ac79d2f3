/**
 * The rows of the analysis files as the analysis computes them: the schemas' rows
 * (src/formats/files.ts) with every statistic a number (NaN where undefined), never empty.
 */
import type * as files from '../formats/files.js';

type Computed<R> = { [K in keyof R]: Exclude<R[K], null> };
export type SummaryRow = Computed<files.SummaryRow>;
export type ComparisonRow = Computed<files.ComparisonRow>;
export type SurvivalRow = Computed<files.SurvivalRow>;
export type SurvivalSummaryRow = Computed<files.SurvivalSummaryRow>;
