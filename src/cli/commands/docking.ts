/**
 * `regiosim docking <batch dir> [--reference S]`: the static baseline (per task: cooperate when
 * value exceeds cost plus transaction costs) on the same scenarios, parameters and seeds as a
 * batch; writes docking.csv and docking-comparison.csv into it and prints how much of the model's
 * differences the baseline gives (src/analysis/docking.ts).
 */
import { resolve } from 'node:path';
import { dock } from '../../api/index.js';
import { formatter, measureName, t } from '../../i18n/index.js';
import { UserError } from '../../io/errors.js';
import { outputProblem } from '../../io/write.js';
import type { CliCommand } from '../context.js';
import { displayDir } from './run.js';

interface DockingArgs {
  dir: string;
  reference?: string;
}

export const dockingCommand: CliCommand = {
  command: 'docking <dir>',
  collectsProblems: true,
  describe: 'A static baseline on the same tasks as a batch: how much of the differences between structures it already gives',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', describe: 'A batch directory (from regiosim batch or npm start)' })
      .option('reference', { type: 'string', describe: 'The scenario the others are compared with (default: the first)' })
      .example('regiosim docking output/standard-comparison', 'The baseline beside the standard comparison'),
  handler: (rawArgs, ctx) => {
    const args = rawArgs as unknown as DockingArgs;
    if (ctx.problems.length > 0) throw new UserError('the command line', ctx.problems);
    const dir = resolve(ctx.cwd, args.dir);
    const where = outputProblem(dir, '<dir>', { kind: 'dir' }, args.dir);
    if (where) throw new UserError('the command line', [where]);
    const d = dock(dir, args.reference !== undefined ? { reference: args.reference } : {});
    const { lang } = ctx;
    const f = formatter(lang);
    ctx.out(t('cli.dockHeader', lang, { ref: d.reference }) + '\n');
    for (const r of d.comparison) {
      ctx.out(`  ${r.scenario.padEnd(22)} ${measureName('run', r.outcome, lang).padEnd(28)} ${f.short(r.model_difference).padStart(9)} ${f.short(r.baseline_difference).padStart(9)} ${(r.share_explained === null ? '–' : f.percent(r.share_explained)).padStart(6)}\n`);
    }
    const shown = displayDir(dir, ctx.cwd);
    ctx.out(t('cli.dockWrote', lang, { a: 'docking.csv', b: 'docking-comparison.csv', dir: shown }) + '\n');
  },
};
