/**
 * Writes one run to a directory, per docs/formats.md ("One run"): timeseries.csv,
 * events.jsonl, summary.json, trust.csv, story.md and manifest.json.
 *
 * Everything except the manifest's `created` timestamp is a function of the scenario file,
 * the overrides, the seed and the regiosim version, so two runs of the same scenario and seed
 * give byte-identical files.
 */
import { nowIso } from './clock.js';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioCalendar } from '../core/calendar.js';
import { PARAM_NAMES } from '../core/params.js';
import { RUN_IDS } from '../core/measures.js';
import type { RunResult } from '../core/results.js';
import type { Scenario } from '../core/scenario/resolve.js';
import { fromAbsMonth } from '../core/time.js';
import { packageRoot } from './regions.js';
import { manifestPath, type LoadedScenario } from './scenario.js';
import { keepsTrustRow, TIMESERIES_CSV, TRUST_CSV, type TrustOutput } from '../formats/files.js';
import { headerLine, line } from '../formats/schema.js';
import { toJson, toJsonLine } from '../formats/text.js';
import { writeOwnFilesAtomically } from './write.js';

let versionCache: string | undefined;
/** regiosim's version, from its package.json. */
export function regiosimVersion(): string {
  versionCache ??= (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return versionCache;
}

/** The files of a run: regiosim owns these, and a rerun replaces them and nothing else in the folder. */
export const RUN_FILES = ['timeseries.csv', 'events.jsonl', 'summary.json', 'trust.csv', 'story.md', 'manifest.json'] as const;

/** The files a run writes with `--trust <trust>`: all of RUN_FILES, without trust.csv for `none`. */
export function runFiles(trust: TrustOutput = 'all'): readonly (typeof RUN_FILES)[number][] {
  return trust === 'none' ? RUN_FILES.filter((f) => f !== TRUST_CSV.file) : RUN_FILES;
}

/** The texts of a run's files the story is told from. */
export interface RunTexts {
  'timeseries.csv': string;
  'events.jsonl': string;
  'summary.json': string;
}

/** Tells the run in words (story.md) from its files' texts; src/render/story.ts is the one that does. */
export type StoryWriter = (texts: RunTexts) => string;

export function timeseriesCsv(result: RunResult): string {
  const parts = [headerLine(TIMESERIES_CSV)];
  result.dates.forEach((date, t) => parts.push(line([date, ...result.series.map((col) => col[t]!)])));
  return parts.join('');
}

export function eventsJsonl(result: RunResult): string {
  return result.events.map(toJsonLine).join('');
}

/** trust.csv: every ordered pair at every snapshot, or with `sparse` only the pairs away from trustBase ({@link keepsTrustRow}). */
export function trustCsv(result: RunResult, scenario: Scenario, trust: 'all' | 'sparse' = 'all'): string {
  const ms = scenario.region.municipalities;
  const base = scenario.params.trustBase;
  const parts = [headerLine(TRUST_CSV)];
  for (const snap of result.trust) {
    for (let i = 0; i < ms.length; i++) {
      for (let j = 0; j < ms.length; j++) {
        if (i === j) continue;
        if (trust === 'sparse' && !keepsTrustRow(base, snap.effective[i]![j]!, snap.personal[i]![j]!, snap.institutional[i]![j]!)) continue;
        parts.push(line([snap.date, snap.label, ms[i]!.code, ms[i]!.name, ms[j]!.code, ms[j]!.name, snap.effective[i]![j]!, snap.personal[i]![j]!, snap.institutional[i]![j]!]));
      }
    }
  }
  return parts.join('');
}

/** The outcomes in OUTCOMES order (NaN written as null by toJson). */
export function orderedOutcomes(result: RunResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of RUN_IDS) out[id] = result.outcomes[id] ?? Number.NaN;
  return out;
}

export function summaryJson(result: RunResult, scenario: Scenario): string {
  return toJson({
    scenario: scenario.name,
    title: scenario.title,
    title_nl: scenario.nl.title,
    seed: result.seed,
    region: scenario.region.id,
    region_name: scenario.region.name,
    start: fromAbsMonth(scenario.start),
    end: fromAbsMonth(scenario.end),
    evaluation: { from: fromAbsMonth(scenario.evaluation.from), to: fromAbsMonth(scenario.evaluation.to) },
    outcomes: orderedOutcomes(result),
    spells: result.spells,
    arrangements: result.arrangements,
    municipalities: result.municipalities,
  });
}

export interface ManifestInput {
  loaded: LoadedScenario;
  seed: number;
  /** The command line, shell-quoted. */
  command: string;
  /** ISO timestamp; defaults to now (the only field that differs between identical runs). */
  created?: string;
  /** What of the trust snapshots was written (default all; recorded in the manifest otherwise). */
  trust?: TrustOutput;
}

export function manifestJson(m: ManifestInput, files?: Record<string, string>): string {
  const { loaded } = m;
  const parameters: Record<string, number> = {};
  for (const name of PARAM_NAMES) parameters[name] = loaded.scenario.params[name];
  return toJson({
    regiosim_version: regiosimVersion(),
    created: m.created ?? nowIso(),
    command: m.command,
    scenario: { name: loaded.scenario.name, file: manifestPath(loaded), sha256: loaded.hash },
    seed: m.seed,
    parameters,
    overrides: loaded.overrides,
    calendar: scenarioCalendar(loaded.scenario),
    ...(files ? { files } : {}),
    ...(m.trust && m.trust !== 'all' ? { trust: m.trust } : {}),
    node: process.version,
  });
}

/** SHA-256 (hex) of a file's content as written. */
export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Writes the files of a run into `dir` (RUN_FILES): each file replaced whole, the manifest last,
 * and nothing else in the folder touched, so what a user put there (notes, charts/, a report)
 * survives a rerun of the seed ({@link writeOwnFilesAtomically}). With `trust: 'none'` there is
 * no trust.csv, and one left by an earlier run of the folder is removed (the manifest would not
 * vouch for it).
 */
export async function writeRunOutput(dir: string, result: RunResult, m: ManifestInput, story: StoryWriter): Promise<void> {
  const scenario = m.loaded.scenario;
  await writeOwnFilesAtomically(dir, (tmp) => {
    // The directory is new and private until its files are moved, so plain writes suffice inside
    // it. The manifest records the checksum of every other file, for the commands that read them.
    const files: Record<string, string> = {};
    const write = (name: (typeof RUN_FILES)[number], content: string): void => {
      writeFileSync(join(tmp, name), content);
      files[name] = sha256(content);
    };
    const texts: RunTexts = { 'timeseries.csv': timeseriesCsv(result), 'events.jsonl': eventsJsonl(result), 'summary.json': summaryJson(result, scenario) };
    write('timeseries.csv', texts['timeseries.csv']);
    write('events.jsonl', texts['events.jsonl']);
    write('summary.json', texts['summary.json']);
    const trust = m.trust ?? 'all';
    if (trust !== 'none') write('trust.csv', trustCsv(result, scenario, trust));
    // story.md is told from the other files and `regiosim story` tells it again (in another
    // language, say): it is not a result, so the manifest keeps no checksum of it.
    writeFileSync(join(tmp, 'story.md'), story(texts));
    writeFileSync(join(tmp, 'manifest.json'), manifestJson(m, files));
  }, { last: 'manifest.json', remove: m.trust === 'none' ? [TRUST_CSV.file] : [] });
}
