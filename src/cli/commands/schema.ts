/**
 * `regiosim schema`: the JSON Schema of scenario files, exported from the zod schema, for
 * editors (the YAML language server autocompletes and checks files that start with
 * `# yaml-language-server: $schema=./scenario.schema.json`).
 *
 * `scenarios/scenario.schema.json` is generated with `regiosim schema --out scenarios/scenario.schema.json`;
 * a test checks that the committed file equals a fresh export.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { scenarioSchema } from '../../core/scenario/schema.js';
import { t } from '../../i18n/index.js';
import { outputProblem, writeFileAtomically } from '../../io/write.js';
import { failOn, type CliCommand } from '../context.js';

/** The JSON Schema text (2-space indented, final newline). */
export function scenarioJsonSchema(): string {
  const schema = {
    ...z.toJSONSchema(scenarioSchema),
    title: 'regiosim scenario',
    description: 'A regiosim scenario file (YAML). Generated from src/core/scenario/schema.ts by `regiosim schema`; do not edit.',
  };
  return JSON.stringify(schema, null, 2) + '\n';
}

interface SchemaArgs {
  out?: string;
}

export const schemaCommand: CliCommand = {
  command: 'schema',
  describe: 'Print the JSON Schema of scenario files (for editors), or write it with --out',
  builder: (y) =>
    y
      .option('out', { type: 'string', describe: 'Write the schema to this file instead of printing it' })
      .example('regiosim schema --out scenarios/scenario.schema.json', 'Regenerate the committed schema'),
  handler: (rawArgs, ctx) => {
    const args = rawArgs as unknown as SchemaArgs;
    const text = scenarioJsonSchema();
    if (args.out === undefined) {
      ctx.out(text);
      return;
    }
    const path = resolve(ctx.cwd, args.out);
    failOn(ctx, [outputProblem(path, '--out', { kind: 'file' }, args.out)].filter((p) => p !== null));
    writeFileAtomically(path, text);
    ctx.out(t('cli.wroteDir', ctx.lang, { dir: args.out }) + '\n');
  },
};
