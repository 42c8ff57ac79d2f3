/**
 * `regiosim start` (`npm start`): the main job. For now it runs the four Haaglanden scenarios
 * with one seed each and prints their headline outcomes side by side. (To be replaced by a
 * batch with replications and a report.)
 */
import { resolve } from 'node:path';
import { fromAbsMonth } from '../../core/time.js';
import { UserError } from '../../io/errors.js';
import { loadScenario, type LoadedScenario } from '../../io/scenario.js';
import type { CliCommand } from '../context.js';
import { displayDir, formatHeadline, HEADLINE_OUTCOMES, outcomeLabel, outcomeUnit, parseSeed, runAndWrite } from './run.js';

export const START_SCENARIOS = ['wgr-plus-continues', 'wgr-plus-abolished', 'basiscoalitie', 'modular-gr'] as const;

interface StartArgs {
  seed?: string;
  out?: string;
}

export const startCommand: CliCommand = {
  command: 'start',
  describe: 'Run the four Haaglanden scenarios (one seed each) and compare their outcomes',
  builder: (y) =>
    y
      .option('seed', { type: 'string', describe: 'Seed for all four runs (default: each scenario\'s seed, else 1)' })
      .option('out', { type: 'string', default: 'output', describe: 'Results go to <out>/<scenario>/seed-<N>/' }),
  handler: async (rawArgs, ctx) => {
    const args = rawArgs as unknown as StartArgs;
    const seedArg = parseSeed(args.seed);
    const base = resolve(ctx.cwd, args.out ?? 'output');
    const loaded: LoadedScenario[] = [];
    const problems: UserError[] = [];
    for (const name of START_SCENARIOS) {
      try {
        loaded.push(loadScenario(name, {}, { cwd: ctx.cwd }));
      } catch (err) {
        if (err instanceof UserError) problems.push(err);
        else throw err;
      }
    }
    if (problems.length > 0) throw problems[0];

    const rows: { name: string; dir: string; outcomes: Record<string, number> }[] = [];
    for (const l of loaded) {
      const seed = seedArg ?? l.scenario.defaultSeed;
      const dir = resolve(base, l.scenario.name, `seed-${seed}`);
      ctx.err(`running ${l.scenario.name} (seed ${seed}) ...\n`);
      const result = await runAndWrite(l, seed, dir, ctx);
      rows.push({ name: l.scenario.name, dir, outcomes: result.outcomes });
    }

    const first = loaded[0]!.scenario;
    ctx.out(`Haaglanden, outcomes over ${fromAbsMonth(first.evaluation.from)} to ${fromAbsMonth(first.evaluation.to)} (one run each: differences are not yet significant)\n\n`);
    const labelW = Math.max(...HEADLINE_OUTCOMES.map((n) => outcomeLabel(n).length));
    const colW = Math.max(10, ...rows.map((r) => r.name.length));
    ctx.out(`${''.padEnd(labelW)}  ${rows.map((r) => r.name.padStart(colW)).join('  ')}  unit\n`);
    for (const name of HEADLINE_OUTCOMES) {
      const cells = rows.map((r) => formatHeadline(r.outcomes[name]).padStart(colW));
      ctx.out(`${outcomeLabel(name).padEnd(labelW)}  ${cells.join('  ')}  ${outcomeUnit(name)}\n`);
    }
    ctx.out('\nFiles:\n');
    for (const r of rows) ctx.out(`  ${r.name.padEnd(colW)}  ${displayDir(r.dir, ctx.cwd)}\n`);
  },
};
