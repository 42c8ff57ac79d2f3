import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARAM_NAMES, PARAMS, type ParamName } from '../../src/core/params.js';
import { parseCsv } from '../../src/formats/csv.js';
import { scenarioJsonSchema } from '../../src/cli/commands/schema.js';
import { commands } from '../../src/cli/commands/index.js';
import { builtinScenarioNames, scenariosDir } from '../../src/io/scenario.js';
import { listFiles, removeDir, runCli, tempDir } from './helpers.js';

let cwd: string;
beforeAll(() => {
  cwd = tempDir('cli');
});
afterAll(() => removeDir(cwd));

/** A fresh directory for one test, holding the given files. */
let k = 0;
function workdir(files: Record<string, string> = {}): string {
  k += 1;
  const d = join(cwd, `w${k}`);
  mkdirSync(d);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

const NO_STACK = /^\s+at |Error:/m;

describe('help and version', () => {
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await runCli(['--version'], cwd)).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
  });

  it('--help lists every command', async () => {
    const r = await runCli(['--help'], cwd);
    expect(r.code).toBe(0);
    for (const c of commands) expect(r.out).toContain(`regiosim ${c.command}`);
  });

  it.each(commands.map((c) => c.command.split(' ')[0]!))('%s --help', async (name) => {
    const r = await runCli([name, '--help'], cwd);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(new RegExp(`^regiosim ${name}`));
  });

  it('no command is a usage error', async () => {
    const r = await runCli([], cwd);
    const names = commands.map((c) => c.command.split(' ')[0]).join(', ');
    expect(r).toEqual({ code: 2, out: '', err: `regiosim: 1 problem in the command line:\n  - (command): expected a command: ${names}, found nothing\nRun \`regiosim --help\` for usage.\n` });
    expect(names.startsWith('start, run, ')).toBe(true);
  });

  it('an unknown option is a usage error, not a stack trace, and runs nothing', async () => {
    const d = workdir();
    const r = await runCli(['run', 'basiscoalitie', '--frobnicate', '3'], d);
    expect(r).toEqual({ code: 2, out: '', err: 'regiosim: 1 problem in the command line:\n  - --frobnicate: expected an option of regiosim run <scenario> (see --help), found an unknown option\nRun `regiosim run --help` for usage.\n' });
    expect(listFiles(d)).toEqual([]);
  });

  it('names an unknown kebab-case option once', async () => {
    const r = await runCli(['validate', 'basiscoalitie', '--strict-mode', '--x'], cwd);
    expect(r).toEqual({
      code: 2,
      out: '',
      err:
        'regiosim: 2 problems in the command line:\n' +
        '  - --strict-mode: expected an option of regiosim validate <files...> (see --help), found an unknown option\n' +
        '  - --x: expected an option of regiosim validate <files...> (see --help), found an unknown option\n' +
        'Run `regiosim validate --help` for usage.\n',
    });
  });

  it('a misspelt command gets a suggestion', async () => {
    const r = await runCli(['rnu', 'x'], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toContain('  - (command): expected a command: start, run, batch, merge, analyze, sensitivity, calibrate, robustness, docking, chart, report, story, brief, playground, validate, scenarios, regions, new, params, schema, found "rnu" (did you mean run?)');
  });

  it('a missing argument is a usage error that says what is missing', async () => {
    const r = await runCli(['run'], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'regiosim: 1 problem in the command line:\n' +
        '  - <scenario>: expected a scenario file (.yaml) or the name of a built-in scenario, as in `regiosim run <scenario>`, found nothing\n' +
        'Run `regiosim run --help` for usage.\n',
    );
    const merge = await runCli(['merge', 'a'], cwd);
    expect(merge.err).toMatch(/^regiosim: 1 problem in the command line:\n {2}- --out: expected a value \(regiosim merge <dirs\.\.> needs --out\), found nothing\n/);
  });

  it('a negative value is given to its option, which says what is wrong with it', async () => {
    const r = await runCli(['batch', 'basiscoalitie', '--runs', '2', '--shard', '-1/2', '--seed', '-3'], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toContain('  - --shard: expected i/n with whole numbers 0 <= i < n (for example 0/4 for the first of four shards), found "-1/2"\n');
    expect(r.err).toContain('  - --seed: expected a whole number between 0 and 4294967295, found "-3"\n');
    expect(r.err).not.toMatch(/unexpected argument/);
  });

  it('an option given twice is refused rather than guessed', async () => {
    const d = workdir();
    const r = await runCli(['run', 'basiscoalitie', '--out', 'a', '--out', 'b'], d);
    expect(r).toEqual({ code: 2, out: '', err: 'regiosim: 1 problem in the command line:\n  - --out: expected one value (the option is given once), found 2 values: "a", "b"\n' });
    expect(listFiles(d)).toEqual([]);
  });
});

const GOOD = `name: mini
region: haaglanden
start: 2014-01
end: 2015-12
`;

describe('bad input: exit 2, every problem named, no stack trace, nothing written', () => {
  const cases: [string, string, string[], string[]][] = [
    ['invalid YAML', 'name: x\nregion: [haaglanden\n', [], ['  - line 3, column 1: expected valid YAML, found a syntax error: Flow sequence in block collection must be sufficiently indented and end with a ] (check the indentation and the closing bracket)']],
    ['an unknown top-level key', `${GOOD}colour: blue\n`, [], ['  - colour (line 5): expected one of the keys $schema, name, title, description, nl, reference, region, start, end, spinup, evaluation, seed, parameters, structure, arrangements, events, found an unknown key "colour"']],
    ['an unknown nested key', `${GOOD}structure: {formation: true, kindOfFormation: gr}\n`, [], ['  - structure.kindOfFormation (line 5): expected one of the keys formation, formationKinds, found an unknown key "kindOfFormation"']],
    ['an unknown arrangement kind', `${GOOD}arrangements:\n  - {id: a, kind: stadsregio, members: all, domains: [housing]}\n`, [], ['  - arrangements[0].kind (line 6): expected one of wgr-plus, gr, modular-gr, basiscoalitie, network, convenant, centrumgemeente, found "stadsregio"']],
    ['members not in the region', `${GOOD}arrangements:\n  - {id: a, kind: gr, members: [Delft, Rotterdam, Gouda], domains: [housing]}\n`, [], ['  - arrangements[0].members[1] (line 6): expected a municipality of region Haaglanden, found "Rotterdam"', '  - arrangements[0].members[2] (line 6): expected a municipality of region Haaglanden, found "Gouda"']],
    ['a negative value', `${GOOD}events:\n  - {date: 2015-01, type: task-rate, domain: social, multiplier: -3}\n`, [], ['  - events[0].multiplier (line 6): expected a number between 0 and 20, found -3']],
    ['a non-numeric value', `${GOOD}events:\n  - {date: 2015-01, type: austerity, capacity: lots}\n`, [], ['  - events[0].capacity (line 6): expected a number between 0.1 and 1.5, found "lots"']],
    ['a date outside the horizon', `${GOOD}events:\n  - {date: 2016-01, type: austerity, capacity: 0.9}\n`, [], ['  - events[0].date (line 6): expected a month within the horizon 2014-01 to 2015-12, found "2016-01"']],
    ['an unknown --set parameter', GOOD, ['--set', 'secretaryTurnover=0.2'], ['  - --set secretaryTurnover: expected the name of a model parameter (79 of them: see `regiosim params`), found an unknown parameter "secretaryTurnover"'.replace('79', String(PARAM_NAMES.length))]],
    ['a non-numeric --set value', GOOD, ['--set', 'altruism=half'], ['  - --set altruism: expected a number (for example 0.25 or 1e-3), found "half"']],
    ['an out-of-bounds --set value', GOOD, ['--set', 'altruism=1.5'], ['  - --set altruism: expected a number between 0 and 1 (weight), found 1.5']],
    ['a bad --seed', GOOD, ['--seed', '-4'], ['  - --seed: expected a whole number between 0 and 4294967295, found "-4"']],
  ];

  it.each(cases)('%s', async (what, text, extra, lines) => {
    const d = workdir({ 'bad.yaml': text });
    const r = await runCli(['run', 'bad.yaml', ...extra], d);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const n = lines.length;
    // A bad --seed with a good file is a problem in the command line only.
    const where = what === 'a bad --seed' ? 'the command line' : 'bad.yaml';
    expect(r.err).toBe(`regiosim: ${n} problem${n === 1 ? '' : 's'} in ${where}:\n${lines.join('\n')}\n`);
    expect(r.err).not.toMatch(NO_STACK);
    expect(listFiles(d)).toEqual(['bad.yaml']);
  });

  it('a missing file', async () => {
    const d = workdir();
    const r = await runCli(['run', 'nothing-here.yaml'], d);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`regiosim: 1 problem in nothing-here.yaml:\n  - nothing-here.yaml: expected a scenario file or a built-in scenario (${builtinScenarioNames().join(', ')}), found no such file\n`);
    expect(listFiles(d)).toEqual([]);
  });

  it('lists all problems at once: file, overrides and seed', async () => {
    const d = workdir({ 'bad.yaml': `name: Mini\nregion: haaglanden\nstart: 2014-01\nend: 2015-12\ncolour: x\narrangements:\n  - {id: a, kind: gr, members: all, domains: [roads]}\n` });
    const r = await runCli(['run', 'bad.yaml', '--seed', 'x', '--set', 'nope=1', '--set', 'altruism=y'], d);
    expect(r.code).toBe(2);
    expect(r.err.split('\n').filter((l) => l.startsWith('  - ')).map((l) => l.split(':')[0])).toEqual([
      '  - --seed', '  - --set nope', '  - --set altruism', '  - name (line 1)', '  - colour (line 5)', '  - arrangements[0].domains[0] (line 7)',
    ]);
    expect(r.err.split('\n')[0]).toBe('regiosim: 6 problems in bad.yaml:');
    expect(listFiles(d)).toEqual(['bad.yaml']);
  });

  it('refuses to replace a directory that is not a regiosim result', async () => {
    const d = workdir({ 'mini.yaml': GOOD, 'notes.txt': 'mine' });
    const r = await runCli(['run', 'mini.yaml', '--out', '.'], d);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^regiosim: 1 problem in the command line:\n {2}- --out: expected an empty directory, a new one, or a previous regiosim result to replace, found .*: a directory with other files \(mini\.yaml, notes\.txt\) that is not a regiosim result\n$/);
    expect(listFiles(d)).toEqual(['mini.yaml', 'notes.txt']);
  });

  it('an output path through a file', async () => {
    const d = workdir({ 'mini.yaml': GOOD });
    const r = await runCli(['run', 'mini.yaml', '--out', 'mini.yaml/out'], d);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^regiosim: 1 problem in the command line:\n {2}- --out: expected a directory regiosim can create and write, found mini\.yaml\/out: a path through .*mini\.yaml, which is a file\n$/);
    expect(listFiles(d)).toEqual(['mini.yaml']);
  });
});

describe('--set', () => {
  it('may come before the scenario and be repeated', async () => {
    const d = workdir({ 'mini.yaml': GOOD });
    const r = await runCli(['run', '--set', 'altruism=0.2', 'mini.yaml', '--set', 'trustBase=0.4', '--set', 'altruism=0.3', '--seed', '3'], d);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(d, 'output/mini/seed-3/manifest.json'), 'utf8')) as { overrides: unknown };
    expect(manifest.overrides).toEqual({ altruism: 0.3, trustBase: 0.4 });
  });
});

describe('validate', () => {
  it('prints ok per valid file (exit 0)', async () => {
    const d = workdir({ 'a.yaml': GOOD });
    expect(await runCli(['validate', 'a.yaml', 'basiscoalitie'], d)).toEqual({ code: 0, out: 'ok a.yaml\nok basiscoalitie\n', err: '' });
  });

  it('validates every built-in scenario', async () => {
    const names = builtinScenarioNames();
    const r = await runCli(['validate', ...names], cwd);
    expect(r).toEqual({ code: 0, out: names.map((n) => `ok ${n}\n`).join(''), err: '' });
  });

  it('prints the problems of each bad file and exits 2', async () => {
    const d = workdir({ 'a.yaml': GOOD, 'b.yaml': `${GOOD}seed: -1\n` });
    const r = await runCli(['validate', 'b.yaml', 'a.yaml', 'c.yaml'], d);
    expect(r.code).toBe(2);
    expect(r.out).toBe('ok a.yaml\n');
    expect(r.err).toContain('regiosim: 1 problem in b.yaml:\n  - seed (line 5): expected a whole number between 0 and 4294967295, found -1\n');
    expect(r.err).toContain('regiosim: 1 problem in c.yaml:\n  - c.yaml: expected a scenario file');
  });
});

describe('scenarios, params, schema', () => {
  it('scenarios: one line per built-in with its description', async () => {
    const r = await runCli(['scenarios'], cwd);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    for (const name of builtinScenarioNames()) expect(lines.some((l) => l.startsWith(`${name} `))).toBe(true);
    expect(r.out).toMatch(/^wgr-plus-abolished +Haaglanden as it happened: WGR-plus ends in 2015/m);
  });

  it('params: text lists every parameter with default, bounds and unit', async () => {
    const r = await runCli(['params'], cwd);
    expect(r.code).toBe(0);
    for (const name of PARAM_NAMES) expect(r.out).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(r.out).toMatch(/^ {2}secretaryTurnoverPerYear +0\.25 +\[0-0\.6\] share per year$/m);
  });

  it('params --format csv: a header and one row per parameter', async () => {
    const r = await runCli(['params', '--format', 'csv'], cwd);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('name,group,default,unit,min,max,integer,meaning,justification');
    expect(lines).toHaveLength(1 + PARAM_NAMES.length);
    // Read back with the project's RFC 4180 reader: quoting survives commas and quotes in the texts.
    const table = parseCsv(r.out, 'params.csv');
    expect(table.rows.map((row) => row[0])).toEqual(PARAM_NAMES);
    for (const row of table.rows) {
      const spec = PARAMS[row[0] as ParamName];
      expect(row.slice(1)).toEqual([spec.group, String(spec.default), spec.unit, String(spec.min), String(spec.max), String(spec.integer === true), spec.meaning, spec.justification]);
    }
  });

  it('params --group staff --format markdown', async () => {
    const r = await runCli(['params', '--group', 'staff', '--format', 'markdown'], cwd);
    const lines = r.out.trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual(['| name | group | default | unit | bounds | meaning |', '|---|---|---:|---|---|---|']);
    const staff = PARAM_NAMES.filter((n) => PARAMS[n].group === 'staff');
    expect(staff).toContain('secretaryTurnoverPerYear');
    expect(lines.slice(2).map((l) => l.split(' | ')[0])).toEqual(staff.map((n) => `| \`${n}\``));
    expect(r.out).toContain('| `secretaryTurnoverPerYear` | staff | 0.25 | share per year | 0-0.6 | Mean annual share of municipal secretaries who leave. |');
  });

  it('params rejects an unknown group or format', async () => {
    const g = await runCli(['params', '--group', 'people'], cwd);
    expect(g).toEqual({ code: 2, out: '', err: 'regiosim: 1 problem in the command line:\n  - --group: expected one of tasks, capacity, decision, adhoc, execution, trust, staff, elections, structure, money, kinds, found "people"\n' });
    const f = await runCli(['params', '--format', 'xml'], cwd);
    expect(f.code).toBe(2);
    expect(f.err).toMatch(/^regiosim: 1 problem in the command line:\n {2}- --format: expected one of text, csv, markdown, found "xml"\n/);
  });

  it('the committed scenarios/scenario.schema.json equals a fresh export', () => {
    expect(readFileSync(join(scenariosDir(), 'scenario.schema.json'), 'utf8')).toBe(scenarioJsonSchema());
  });

  it('schema prints the JSON Schema, and --out writes it', async () => {
    const r = await runCli(['schema'], cwd);
    expect(r.code).toBe(0);
    expect(r.out).toBe(scenarioJsonSchema());
    const parsed = JSON.parse(r.out) as { properties: Record<string, unknown>; required: string[] };
    expect(parsed.required).toEqual(['name', 'region', 'start', 'end']);
    const d = workdir();
    expect((await runCli(['schema', '--out', 'x/s.json'], d)).code).toBe(0);
    expect(readFileSync(join(d, 'x', 's.json'), 'utf8')).toBe(scenarioJsonSchema());
  });
});
