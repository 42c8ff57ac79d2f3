/**
 * Calibration and robustness through the library: `calibrate` (pattern-oriented rejection
 * against public figures, writing an ensemble) and `robustness` (a comparison across an ensemble
 * of plausible parameter sets). Both run their experiment through the batch machinery, so they
 * are parallel, resumable (the same call continues) and, for calibration, shardable.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { packageRoot } from '../io/regions.js';
import { calibrationExperiment, evaluateCalibration, loadCalibration, type Calibration, type CalibrationEvaluation } from '../analysis/calibrate.js';
import { ensembleYaml, lhsPoints, loadEnsemble, resolveRanges, type Ensemble } from '../analysis/ensemble.js';
import { discoverConditions, readRobustness, robustnessExperiment, ROBUSTNESS_FORMAT, ROBUSTNESS_MANIFEST, summarizeWorlds, worldDifferences, type RobustnessDesign } from '../analysis/robustness.js';
import { dockBatch, writeDocking, type Docking } from '../analysis/docking.js';
import { calibrationMarkdown, robustnessMarkdown, type RobustnessMeta } from '../analysis/uncertainty-md.js';
import { HEADLINE, measure } from '../core/measures.js';
import { closest } from '../core/problems.js';
import { mergeShards as mergeShardDirs } from '../batch/merge.js';
import { readManifest } from '../batch/manifest.js';
import { buildPlan } from '../batch/plan.js';
import { MAX_RUNS } from '../batch/experiment.js';
import { loadScenario } from '../io/scenario.js';
import type { Shard } from '../batch/plan.js';
import * as files from '../formats/files.js';
import { toCsvText } from '../formats/schema.js';
import { toJson } from '../formats/text.js';
import { t, type Lang } from '../i18n/index.js';
import { UserError, type Problem } from '../io/errors.js';
import { fileSha256 } from '../io/manifest.js';
import { regiosimVersion } from '../io/run-output.js';
import { outputProblem, writeFileAtomically } from '../io/write.js';
import { writeTextReport } from '../render/report.js';
import { experimentRunner, type BatchExecution } from './batch.js';
import { STANDARD_SCENARIOS } from './standard.js';

export const CALIBRATION_MANIFEST = 'calibration.json';
export const CALIBRATION_FORMAT = 'regiosim-calibration/1';
export { readRobustness, ROBUSTNESS_FORMAT, ROBUSTNESS_MANIFEST };
export type { Docking };

/** The built-in ensemble `npm start` and `regiosim robustness` use by default (written by `regiosim calibrate scenarios/calibration/haaglanden.yaml`). */
export const DEFAULT_ENSEMBLE = 'scenarios/ensembles/haaglanden.yaml';
/** Replications per world by default. */
export const DEFAULT_WORLD_REPLICATIONS = 4;

type Exec = BatchExecution & { onReuse?: (runs: number) => void };

/**
 * An output directory of calibrate or robustness may be new, empty, or an earlier result of the
 * same command (it holds `manifest`); anything else is refused before anything runs.
 */
function outDirProblem(out: string, option: string, manifest: string, shown: string): Problem | null {
  const where = outputProblem(out, option, { kind: 'dir' }, shown);
  if (where) return where;
  if (!existsSync(out)) return null;
  const entries = readdirSync(out);
  // What calibrate or robustness writes (an interrupted rerun may have removed the manifest already).
  const ours = new Set([manifest, 'batch', 'summary.md', 'report.html', 'ensemble.yaml', files.CALIBRATION_POINTS_CSV.file, files.CALIBRATION_TARGETS_CSV.file, files.WORLDS_CSV.file, files.ROBUSTNESS_CSV.file, files.DISCOVERY_CSV.file]);
  if (entries.length === 0 || entries.includes(manifest) || entries.every((e) => ours.has(e) || /^batch\.shard-\d+-of-\d+$/.test(e) || e.includes('.tmp-'))) return null;
  return { path: option, expected: `a new or empty directory, or an earlier result of the same command (with ${manifest})`, found: `${shown}, which holds other files (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''})` };
}

/** A file as manifests record it: relative to the package when it is one of its own (so that results do not depend on where regiosim is installed), else absolute. */
function recordedPath(path: string): string {
  const rel = relative(packageRoot(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : path;
}

// ------------------------------------------------------------------ calibrate

export interface CalibrateRequest {
  /** The calibration targets file. */
  file: string;
  out?: string;
  shard?: Shard | null;
  cwd?: string;
  lang?: Lang;
  command?: string;
}

export type CalibrateOutcome =
  | { kind: 'shard'; dir: string; calibration: Calibration }
  | { kind: 'done'; out: string; calibration: Calibration; evaluation: CalibrationEvaluation; ensemble: string | null; files: string[] };

/** The experiment hash of the batch in `dir` (with `complete`, only if it is finished), or null. */
function batchHash(dir: string, complete: boolean): string | null {
  try {
    const m = readManifest(dir, '--out');
    return !complete || m.status === 'complete' ? m.experiment.hash : null;
  } catch {
    return null;
  }
}

/** Removes a command's conclusions before it recomputes them, so that an interrupted rerun never leaves the old ones beside new runs. */
function removeStale(dir: string, names: readonly string[]): void {
  for (const name of names) rmSync(join(dir, name), { force: true });
}

export async function calibrate(req: CalibrateRequest, exec: Exec = {}): Promise<CalibrateOutcome> {
  const cwd = req.cwd ?? process.cwd();
  const lang = req.lang ?? 'en';
  const command = req.command ?? 'regiosim (library)';
  const c = loadCalibration(req.file, cwd);
  const out = req.out !== undefined ? resolve(cwd, req.out) : resolve(cwd, 'output', 'calibrate', c.name);
  const bad = outDirProblem(out, '--out', CALIBRATION_MANIFEST, req.out ?? out);
  if (bad) throw new UserError('the command line', [bad]);
  const spec = calibrationExperiment(c);
  const shard = req.shard ?? null;
  if (shard) {
    const dir = join(out, `batch.shard-${shard.index}-of-${shard.count}`);
    await experimentRunner({ ...exec, cwd: c.dir, shard, command })(spec, dir);
    return { kind: 'shard', dir, calibration: c };
  }
  const batchDir = join(out, 'batch');
  const hash = buildPlan(spec, 'the command line', null, c.dir).hash;
  // What an earlier calibration in this directory concluded is not this one's until it is rewritten.
  removeStale(out, [CALIBRATION_MANIFEST, 'ensemble.yaml']);
  if (batchHash(batchDir, true) !== hash && existsSync(out)) {
    // The slices of this calibration (`--shard i/n`), if any: those of another experiment are left alone.
    const shards = readdirSync(out).filter((e) => /^batch\.shard-\d+-of-\d+$/.test(e) && batchHash(join(out, e), false) === hash).sort();
    if (shards.length > 0) {
      try {
        await mergeShardDirs(shards.map((s) => join(out, s)), batchDir, command, out);
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        throw new UserError('the command line', [{ path: '--shard', expected: `every shard of this calibration finished before the call without --shard (${shards.join(', ')} found)`, found: err.problems.map((p) => `${p.path}: ${p.found}`).join('; ') }]);
      }
    }
  }
  await experimentRunner({ ...exec, cwd: c.dir, command })(spec, batchDir);
  const targetScenario = c.targets.map((tg) => c.scenarios.indexOf(tg.scenario));
  const ev = evaluateCalibration(join(batchDir, 'runs.csv'), c.targets, targetScenario, spec.points.length);
  const names = c.ranges.map((r) => r.name);
  const points: files.CalibrationPointRow[] = spec.points.map((p, s) => ({
    set: s, accepted: ev.within[s]!.every(Boolean), targets_met: ev.within[s]!.filter(Boolean).length,
    ...Object.fromEntries(names.map((n) => [`param_${n}`, p[n]!])),
  }));
  const targetRows: files.CalibrationTargetRow[] = [];
  spec.points.forEach((_, s) => c.targets.forEach((tg, j) => {
    const v = ev.values[s]![j]!;
    targetRows.push({ set: s, target: tg.id, measure: tg.measure, scenario: tg.scenario, statistic: tg.statistic, value: Number.isFinite(v) ? v : null, min: Number.isFinite(tg.min) ? tg.min : null, max: Number.isFinite(tg.max) ? tg.max : null, within: ev.within[s]![j]! });
  }));
  const tried = spec.points.length;
  const accepted = ev.accepted.length;
  const targets = c.targets.map((tg, j) => ({ id: tg.id, measure: tg.measure, scenario: tg.scenario, statistic: tg.statistic, min: Number.isFinite(tg.min) ? tg.min : null, max: Number.isFinite(tg.max) ? tg.max : null, source: tg.source, met: ev.met[j]! }));
  const provenance = {
    made_by: 'regiosim calibrate', targets_file: recordedPath(c.file), targets, scenarios: c.scenarios, replications: c.replications, seed: c.seed,
    tried, accepted, acceptance_rate: tried > 0 ? accepted / tried : 0,
  };
  const written: string[] = [];
  const write = (name: string, text: string): void => {
    writeFileAtomically(join(out, name), text);
    written.push(join(out, name));
  };
  write(files.CALIBRATION_POINTS_CSV.file, toCsvText(files.CALIBRATION_POINTS_CSV, points, names));
  write(files.CALIBRATION_TARGETS_CSV.file, toCsvText(files.CALIBRATION_TARGETS_CSV, targetRows));
  const ensemblePath = join(out, 'ensemble.yaml');
  let ensemble: string | null = null;
  if (accepted > 0) {
    const e: Ensemble = {
      name: c.name, title: `${c.title}: parameter sets that meet every target`,
      description: `The ${accepted} of ${tried} parameter sets drawn from the prior that met every target of ${recordedPath(c.file)} (${c.replications} runs each).`,
      ranges: c.ranges, points: ev.accepted.map((s) => spec.points[s]!), provenance,
    };
    write('ensemble.yaml', ensembleYaml(e, [`Written by: ${command}`, 'Use it with: regiosim robustness --ensemble <this file>']));
    ensemble = ensemblePath;
  }
  const md = calibrationMarkdown({ name: c.name, title: c.title, scenarios: c.scenarios, replications: c.replications, tried, accepted, ranges: c.ranges, targets: c.targets, met: ev.met, points }, lang);
  write('summary.md', md);
  writeTextReport(out, t('unc.calTitle', lang, { name: c.name }), md, lang);
  written.push(join(out, 'report.html'));
  const manifest = {
    format: CALIBRATION_FORMAT, regiosim_version: regiosimVersion(), command, name: c.name, title: c.title,
    targets_file: recordedPath(c.file), targets_sha256: fileSha256(c.file), samples: c.samples, replications: c.replications, seed: c.seed, scenarios: c.scenarios,
    parameters: c.ranges.map((r) => ({ name: r.name, min: r.min, max: r.max })), targets, tried, accepted, acceptance_rate: provenance.acceptance_rate,
    ensemble: ensemble ? 'ensemble.yaml' : null, batch: { dir: 'batch', hash: readManifest(batchDir, '--out').experiment.hash },
  };
  write(CALIBRATION_MANIFEST, toJson(manifest));
  return { kind: 'done', out, calibration: c, evaluation: ev, ensemble, files: written };
}

// ------------------------------------------------------------------ robustness

export interface RobustnessRequest {
  /** Scenarios (default the standard comparison); the first is the reference unless `reference` names another. */
  scenarios?: readonly string[];
  reference?: string;
  /** An ensemble file (default {@link DEFAULT_ENSEMBLE} in the package when no `lhs` is given). */
  ensemble?: string;
  /** Use only the first N worlds of the ensemble. */
  worlds?: number;
  /** A Latin hypercube instead of an ensemble: parameter → {min?, max?} ({} takes the default range). */
  lhs?: { samples: number; ranges: Readonly<Record<string, { min?: number; max?: number }>>; seed?: number };
  replications?: number;
  seed?: number;
  /** Outcomes (default the headline measures). */
  outcomes?: readonly string[];
  out?: string;
  cwd?: string;
  lang?: Lang;
  command?: string;
  /** The package root, where the default ensemble is found. */
  packageRoot?: string;
}

export interface RobustnessOutcome {
  out: string;
  design: RobustnessDesign;
  rows: files.RobustnessRow[];
  discovery: files.DiscoveryRow[];
  meta: RobustnessMeta;
  files: string[];
}

/** Checks a robustness request and builds its design; every problem at once. */
export function robustnessDesign(req: RobustnessRequest, earlier: readonly Problem[] = []): { design: RobustnessDesign; out: string } {
  const cwd = req.cwd ?? process.cwd();
  const problems: Problem[] = [...earlier];
  const scenarios = [...(req.scenarios && req.scenarios.length > 0 ? req.scenarios : STANDARD_SCENARIOS)];
  const seen = new Set<string>();
  for (const s of scenarios) {
    if (seen.has(s)) problems.push({ path: 'scenario', expected: 'each scenario once', found: `${JSON.stringify(s)} twice` });
    seen.add(s);
  }
  if (scenarios.length < 2) problems.push({ path: 'scenario', expected: 'at least two scenarios to compare', found: scenarios.map((s) => JSON.stringify(s)).join(', ') });
  // Every scenario is read now (all problems at once), and a file is kept as an absolute path.
  const refs = scenarios.map((s) => {
    try {
      const loaded = loadScenario(s, {}, { cwd });
      return loaded.builtin ?? resolve(cwd, s);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      problems.push(...err.problems.map((p) => ({ ...p, path: `${err.file}: ${p.path}` })));
      return s;
    }
  });
  const reference = req.reference ?? scenarios[0]!;
  const refIndex = scenarios.indexOf(reference);
  if (refIndex < 0) problems.push({ path: '--reference', expected: `one of the scenarios (${scenarios.join(', ')})`, found: JSON.stringify(reference) });
  const outcomes = [...(req.outcomes && req.outcomes.length > 0 ? req.outcomes : HEADLINE)];
  for (const o of outcomes) {
    if (!measure('run', o)) {
      const hint = closest(o, [...HEADLINE]);
      problems.push({ path: `--outcome ${o}`, expected: `a run measure${hint ? ` (did you mean ${hint}?)` : ''}`, found: JSON.stringify(o) });
    }
  }
  const replications = req.replications ?? DEFAULT_WORLD_REPLICATIONS;
  if (!Number.isInteger(replications) || replications < 2 || replications > 1000) problems.push({ path: '--replications', expected: 'a whole number of paired runs per world from 2 to 1000 (two give a seed-noise interval per world)', found: String(replications) });
  let ranges: RobustnessDesign['ranges'] = [];
  let worlds: Record<string, number>[] = [];
  let source: RobustnessDesign['source'] | undefined;
  if (req.lhs && req.ensemble !== undefined) problems.push({ path: '--ensemble', expected: 'an ensemble or a Latin hypercube (--lhs), not both', found: 'both' });
  else if (req.lhs) {
    const r = resolveRanges(req.lhs.ranges, '--params');
    problems.push(...r.problems.map((p) => ({ ...p, path: p.path.replace(/^--params\.([^.]+)(\..*)?$/, (_m, n: string) => (p.path.includes('.min') || p.path.includes('.max') ? `--range ${n}` : `--params ${n}`)) })));
    if (!Number.isInteger(req.lhs.samples) || req.lhs.samples < 2 || req.lhs.samples > 10_000) problems.push({ path: '--lhs', expected: 'a whole number of worlds from 2 to 10,000', found: String(req.lhs.samples) });
    else if (r.problems.length === 0) {
      ranges = r.ranges;
      const seed = req.lhs.seed ?? req.seed ?? 1;
      worlds = lhsPoints(ranges, req.lhs.samples, `robustness/${seed}`);
      source = { kind: 'lhs', samples: req.lhs.samples, seed };
    }
  } else {
    const file = req.ensemble ?? resolve(req.packageRoot ?? cwd, DEFAULT_ENSEMBLE);
    try {
      const e = loadEnsemble(file, cwd);
      ranges = e.ranges;
      worlds = e.points;
      source = { kind: 'ensemble', file: e.file, name: e.name, provenance: e.provenance };
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      problems.push(...err.problems.map((p) => ({ ...p, path: `${err.file}: ${p.path}` })));
    }
  }
  if (req.worlds !== undefined) {
    if (!Number.isInteger(req.worlds) || req.worlds < 2) problems.push({ path: '--worlds', expected: 'a whole number of worlds, at least 2', found: String(req.worlds) });
    else worlds = worlds.slice(0, req.worlds);
  }
  if (Number.isInteger(replications) && scenarios.length * worlds.length * replications > MAX_RUNS) {
    problems.push({ path: '--replications', expected: `at most ${MAX_RUNS.toLocaleString('en')} runs in all (scenarios x worlds x replications)`, found: `${scenarios.length} x ${worlds.length} x ${replications}` });
  }
  if (source && worlds.length < 2 && problems.length === 0) problems.push({ path: '--ensemble', expected: 'an ensemble of at least two parameter sets', found: `${worlds.length}` });
  const seed = req.seed ?? 1;
  const name = `robustness-${scenarios.join('-vs-').slice(0, 80)}`;
  const out = req.out !== undefined ? resolve(cwd, req.out) : resolve(cwd, 'output', 'robustness', source?.kind === 'ensemble' ? source.name : 'lhs');
  const bad = outDirProblem(out, '--out', ROBUSTNESS_MANIFEST, req.out ?? out);
  if (bad) problems.push(bad);
  if (problems.length > 0 || !source) throw new UserError('the command line', problems);
  return {
    out,
    design: { name, title: `Robustness of ${scenarios.filter((s) => s !== reference).join(', ')} against ${reference} in ${worlds.length} worlds`, scenarios: refs, reference: refIndex, ranges, worlds, replications, seed, outcomes, source },
  };
}

/** Runs a robustness design into `out`: batch/ (the runs), worlds.csv, robustness.csv, discovery.csv, robustness.json, summary.md, report.html. */
export async function runRobustness(design: RobustnessDesign, out: string, exec: Exec & { cwd?: string; lang?: Lang; command?: string } = {}): Promise<RobustnessOutcome> {
  const lang = exec.lang ?? 'en';
  const command = exec.command ?? 'regiosim (library)';
  const batchDir = join(out, 'batch');
  removeStale(out, [ROBUSTNESS_MANIFEST]);
  await experimentRunner({ ...exec, command })(robustnessExperiment(design), batchDir);
  const manifest = readManifest(batchDir, '--out');
  const names = manifest.scenarios.map((s) => s.name);
  const worlds = worldDifferences(join(batchDir, 'runs.csv'), design, names);
  const rows = summarizeWorlds(worlds);
  const discovery = discoverConditions(worlds, design.ranges);
  const meta: RobustnessMeta = {
    reference: names[design.reference]!, scenarios: names, worlds: design.worlds.length, replications: design.replications, ranges: design.ranges,
    source: design.source.kind === 'ensemble' ? { kind: 'ensemble', name: design.source.name, provenance: design.source.provenance } : { kind: 'lhs', samples: design.source.samples },
  };
  const written: string[] = [];
  const write = (name: string, text: string): void => {
    writeFileAtomically(join(out, name), text);
    written.push(join(out, name));
  };
  write(files.WORLDS_CSV.file, toCsvText(files.WORLDS_CSV, worlds, design.ranges.map((r) => r.name)));
  write(files.ROBUSTNESS_CSV.file, toCsvText(files.ROBUSTNESS_CSV, rows));
  write(files.DISCOVERY_CSV.file, toCsvText(files.DISCOVERY_CSV, discovery));
  const md = robustnessMarkdown(rows, discovery, meta, lang, 1, true);
  write('summary.md', md);
  writeTextReport(out, t('unc.robustTitle', lang), md, lang);
  written.push(join(out, 'report.html'));
  write(ROBUSTNESS_MANIFEST, toJson({
    format: ROBUSTNESS_FORMAT, regiosim_version: regiosimVersion(), command, meta,
    source: design.source.kind === 'ensemble' ? { kind: 'ensemble', file: recordedPath(design.source.file), sha256: fileSha256(design.source.file), name: design.source.name } : design.source,
    outcomes: design.outcomes, seed: design.seed, batch: { dir: 'batch', hash: manifest.experiment.hash },
  }));
  return { out, design, rows, discovery, meta, files: written };
}

/** Runs `robustness` end to end: design, batch, tables, texts. */
export async function robustness(req: RobustnessRequest, exec: Exec = {}): Promise<RobustnessOutcome> {
  const { design, out } = robustnessDesign(req);
  return runRobustness(design, out, { ...exec, ...(req.cwd ? { cwd: req.cwd } : {}), ...(req.lang ? { lang: req.lang } : {}), ...(req.command ? { command: req.command } : {}) });
}

// ------------------------------------------------------------------ docking

/** The static baseline on the same tasks as the batch in `dir`: writes docking.csv and docking-comparison.csv there (src/analysis/docking.ts). */
export function dock(dir: string, options: { reference?: string } = {}): Docking & { files: string[] } {
  const d = dockBatch(dir, options.reference);
  return { ...d, files: writeDocking(dir, d) };
}
