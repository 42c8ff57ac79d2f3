/**
 * `regiosim new`: writes a commented scenario for a chosen region (--members or --region) and
 * structure (--structure) to --out FILE or standard output. The file passes `regiosim validate`
 * as written (tests/cli/commands/new.test.ts).
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { builtinRegion, NEW_STRUCTURES, newScenarioYaml, regionIdProblem, regionOfMembers, type NewStructure } from '../../api/index.js';
import type { Region } from '../../core/entities/region.js';
import { t } from '../../i18n/index.js';
import { describeValue, type Problem } from '../../io/errors.js';
import { packageRoot } from '../../io/regions.js';
import { outputProblem, writeFileAtomically } from '../../io/write.js';
import { failOn, type CliCommand } from '../context.js';

interface NewArgs {
  members?: string;
  region?: string;
  structure: string;
  name?: string;
  out?: string;
}

const NAME = /^[a-z0-9][a-z0-9-]*$/;

export const newCommand: CliCommand = {
  command: 'new',
  describe: 'Write a commented scenario for a set of municipalities (or a built-in region) and a structure',
  collectsProblems: true,
  builder: (y) =>
    y
      .option('members', { type: 'string', describe: 'The municipalities, by name or CBS code, separated by commas' })
      .option('region', { type: 'string', describe: 'A built-in region instead (see `regiosim regions`)' })
      .option('structure', { type: 'string', default: 'basiscoalitie', describe: `The structure from 2015: ${NEW_STRUCTURES.join(', ')}` })
      .option('name', { type: 'string', describe: 'The scenario\'s short name (default: the region id and the structure)' })
      .option('out', { type: 'string', describe: 'Write the scenario to this file (default: print it); an existing file is not replaced' })
      .example('regiosim new --members "Delft,Zoetermeer,Westland" --out west.yaml', 'Three municipalities with a basiscoalitie')
      .example('regiosim new --region rivierenland-2019 --structure modular-gr', 'A built-in region with a modular GR, printed'),
  handler: (rawArgs, ctx) => {
    const args = rawArgs as unknown as NewArgs;
    const problems: Problem[] = [];
    const structure = String(args.structure);
    if (!(NEW_STRUCTURES as readonly string[]).includes(structure)) problems.push({ path: '--structure', expected: `one of ${NEW_STRUCTURES.join(', ')}`, found: describeValue(structure) });
    if (args.name !== undefined && !(NAME.test(String(args.name)) && String(args.name).length <= 64)) {
      problems.push({ path: '--name', expected: 'lower-case letters, digits and hyphens, at most 64 characters (for example my-region)', found: describeValue(String(args.name)) });
    }
    let region: Region | undefined;
    const builtin = args.region !== undefined;
    if ((args.members === undefined) === (args.region === undefined)) {
      problems.push({ path: '--members', expected: 'either --members (municipalities separated by commas) or --region (a built-in region id)', found: args.members === undefined ? 'neither' : 'both' });
    } else if (args.region !== undefined) {
      const bad = regionIdProblem(String(args.region), '--region');
      if (bad) problems.push(bad);
      else region = builtinRegion(String(args.region), '--region');
    } else {
      const list = String(args.members).split(',').map((m) => m.trim()).filter((m) => m !== '');
      if (list.length < 2) problems.push({ path: '--members', expected: 'at least 2 municipalities, separated by commas', found: describeValue(String(args.members)) });
      else {
        const built = regionOfMembers(list, '--members');
        if (built.ok) region = built.region;
        else problems.push(...built.problems);
      }
    }
    const path = args.out === undefined ? undefined : resolve(ctx.cwd, String(args.out));
    if (path !== undefined) {
      if (existsSync(path)) problems.push({ path: '--out', expected: 'a file that does not exist yet (regiosim new replaces no file)', found: `${String(args.out)}, which exists` });
      else {
        const bad = outputProblem(path, '--out', { kind: 'file' }, String(args.out));
        if (bad) problems.push(bad);
      }
    }
    failOn(ctx, problems);
    const schema = relative(path === undefined ? ctx.cwd : dirname(path), join(packageRoot(), 'scenarios', 'scenario.schema.json')).split('\\').join('/');
    const text = newScenarioYaml({
      region: region!,
      builtin,
      structure: structure as NewStructure,
      ...(args.name !== undefined ? { name: String(args.name) } : {}),
      lang: ctx.lang,
      schemaPath: schema.startsWith('.') || schema.startsWith('/') ? schema : `./${schema}`,
      file: args.out === undefined ? 'scenario.yaml' : String(args.out),
    });
    if (path === undefined) {
      ctx.out(text);
      return;
    }
    writeFileAtomically(path, text);
    ctx.out(t('cli.wroteDir', ctx.lang, { dir: String(args.out) }) + '\n');
  },
};
