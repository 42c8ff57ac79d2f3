/** The decision brief of a batch directory (`regiosim brief`, part of `npm start`). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadBatch } from '../analysis/batch-data.js';
import { buildBrief, type Brief } from '../analysis/brief.js';
import { readRobustness } from '../analysis/robustness.js';
import type { ComparisonRow } from '../analysis/rows.js';
import * as files from '../formats/files.js';
import { decodeTable, type CellProblem } from '../formats/schema.js';
import type { Lang } from '../i18n/index.js';
import { readCsv } from '../io/csv.js';
import { UserError } from '../io/errors.js';
import { regiosimVersion } from '../io/run-output.js';
import { writeBriefFiles, type BriefFiles } from '../render/brief.js';

export type { Brief, BriefFiles };

export interface BriefOptions {
  lang?: Lang;
  /** Print brief.pdf with headless Chromium (default true; without Chromium the HTML is still written). */
  pdf?: boolean;
  /** Where the comparison across plausible worlds is (default `<dir>/robustness`). */
  robustness?: string;
}

/** The analysed comparison of a batch directory (comparison.csv, written by `regiosim analyze`). */
export function readComparison(dir: string): ComparisonRow[] {
  const path = join(dir, files.COMPARISON_CSV.file);
  if (!existsSync(path)) {
    throw new UserError(dir, [{ path: files.COMPARISON_CSV.file, expected: 'the analysis of the batch (run `regiosim analyze` on it first)', found: 'no such file' }]);
  }
  const problems: CellProblem[] = [];
  const decoded = decodeTable(files.COMPARISON_CSV, readCsv(path, files.COMPARISON_CSV.file), problems);
  if (!decoded || problems.length > 0) throw new UserError(path, problems);
  return decoded.rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) out[k] = v === null ? Number.NaN : v;
    return out as unknown as ComparisonRow;
  });
}

/** Builds the brief of a batch directory and writes brief.html, brief-chart.png and brief.pdf into it. */
export async function writeBrief(dir: string, options: BriefOptions = {}): Promise<{ brief: Brief; files: BriefFiles }> {
  const lang = options.lang ?? 'en';
  const data = loadBatch(dir);
  const comparison = readComparison(dir);
  const reference = comparison[0]?.reference;
  if (reference === undefined) throw new UserError(dir, [{ path: files.COMPARISON_CSV.file, expected: 'at least one comparison (a batch of two or more scenarios)', found: 'none' }]);
  const rob = readRobustness(options.robustness ?? join(dir, 'robustness'));
  const brief = buildBrief({ data, reference, comparison, robustness: rob, lang, version: regiosimVersion() });
  const written = await writeBriefFiles(dir, brief, comparison, { ...(options.pdf !== undefined ? { pdf: options.pdf } : {}) });
  return { brief, files: written };
}
