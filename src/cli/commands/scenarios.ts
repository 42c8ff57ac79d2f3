/**
 * `regiosim scenarios`: the built-in scenarios, one line each.
 */
import { listBuiltinScenarios } from '../../api/index.js';
import { t } from '../../i18n/index.js';
import type { CliCommand } from '../context.js';

export const scenariosCommand: CliCommand = {
  command: 'scenarios',
  describe: 'List the built-in scenarios and what each represents',
  handler: (_args, ctx) => {
    const list = listBuiltinScenarios();
    const width = Math.max(...list.map((s) => s.name.length));
    for (const s of list) ctx.out(`${s.name.padEnd(width)}  ${s.description || s.title}\n`);
    ctx.out(`\n${t('cli.scenariosHint', ctx.lang, { dir: list.length ? dirOf(list[0]!.file) : 'scenarios/' })}\n`);
  },
};

function dirOf(file: string): string {
  return file.replace(/[\\/][^\\/]*$/, '/');
}
