/**
 * `regiosim validate <file...>`: checks scenario files without running them.
 */
import { validateScenario } from '../../api/index.js';
import { t } from '../../i18n/index.js';
import { formatProblems } from '../../io/errors.js';
import type { CliCommand } from '../context.js';

interface ValidateArgs {
  files: string[];
}

export const validateCommand: CliCommand = {
  command: 'validate <files...>',
  describe: 'Check scenario files (schema, region, members, dates, parameters) without running them',
  builder: (y) =>
    y
      .positional('files', { type: 'string', array: true, describe: 'Scenario files or built-in scenario names' })
      .example('regiosim validate my-region.yaml', 'Prints "ok" or every problem in the file'),
  handler: (rawArgs, ctx) => {
    const { files } = rawArgs as unknown as ValidateArgs;
    let failed = 0;
    for (const file of files) {
      const checked = validateScenario(String(file), { cwd: ctx.cwd });
      if (checked.ok) ctx.out(t('cli.ok', ctx.lang, { name: checked.scenario.builtin ?? String(file) }) + '\n');
      else {
        failed += 1;
        ctx.err(formatProblems(checked.file, checked.problems) + '\n');
      }
    }
    return failed > 0 ? 2 : 0;
  },
};
