/**
 * `regiosim scenarios`: the built-in scenarios, one line each.
 */
import { listBuiltinScenarios } from '../../io/scenario.js';
import type { CliCommand } from '../context.js';

export const scenariosCommand: CliCommand = {
  command: 'scenarios',
  describe: 'List the built-in scenarios and what each represents',
  handler: (_args, ctx) => {
    const list = listBuiltinScenarios();
    const width = Math.max(...list.map((s) => s.name.length));
    for (const s of list) ctx.out(`${s.name.padEnd(width)}  ${s.description || s.title}\n`);
    ctx.out(`\nRun one with \`regiosim run <name>\`; copy a file from ${list.length ? dirOf(list[0]!.file) : 'scenarios/'} to make your own.\n`);
  },
};

function dirOf(file: string): string {
  return file.replace(/[\\/][^\\/]*$/, '/');
}
