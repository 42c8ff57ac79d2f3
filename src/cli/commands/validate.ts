/**
 * `regiosim validate <file...>`: checks scenario files without running them.
 */
import { formatUserError, isUserError } from '../../io/errors.js';
import { loadScenario } from '../../io/scenario.js';
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
      try {
        const loaded = loadScenario(String(file), {}, { cwd: ctx.cwd });
        ctx.out(`ok ${loaded.builtin ?? file}\n`);
      } catch (err) {
        if (!isUserError(err)) throw err;
        failed += 1;
        ctx.err(formatUserError(err) + '\n');
      }
    }
    return failed > 0 ? 2 : 0;
  },
};
