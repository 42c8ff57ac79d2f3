import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARAM_NAMES } from '../../src/core/params.js';
import { closest, formatProblems, UserError, type Problem } from '../../src/io/errors.js';
import { builtinScenarioNames, listBuiltinScenarios, loadScenario, manifestPath, scenariosDir } from '../../src/io/scenario.js';
import { parseSetArgs } from '../../src/io/overrides.js';
import { formatPath } from '../../src/io/zod-problems.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'regiosim-scenario-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function write(text: string): string {
  n += 1;
  const file = join(dir, `s${n}.yaml`);
  writeFileSync(file, text);
  return file;
}

/** The problems loadScenario reports for a file with this text (fails the test when it loads). */
function problems(text: string, overrides: Record<string, string | number> = {}): Problem[] {
  const file = write(text);
  try {
    loadScenario(file, overrides);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).file).toBe(file);
    return [...(err as UserError).problems];
  }
  throw new Error('expected problems, but the scenario loaded');
}

const MINIMAL = `name: small
region: haaglanden
start: 2010-01
end: 2012-12
`;

describe('built-in scenarios', () => {
  const names = builtinScenarioNames();

  it('ships the scenarios the model brief asks for', () => {
    expect(names).toEqual([
      'basiscoalitie', 'basiscoalitie-core', 'modular-gr', 'national', 'rivierenland-basiscoalitie', 'rivierenland-none',
      'wgr-plus-abolished', 'wgr-plus-continues', 'wgr-plus-continues-core', 'examples/foodvalley', 'examples/own-region',
    ]);
  });

  it.each(names)('%s validates, with the schema comment and a description', (name) => {
    const loaded = loadScenario(name);
    expect(loaded.builtin).toBe(name);
    expect(loaded.file).toBe(join(scenariosDir(), `${name}.yaml`));
    const text = readFileSync(loaded.file, 'utf8');
    const schemaPath = name.includes('/') ? '../scenario.schema.json' : './scenario.schema.json';
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${schemaPath}`);
    expect(loaded.scenario.description.length).toBeGreaterThan(20);
    expect(loaded.hash).toBe(createHash('sha256').update(readFileSync(loaded.file)).digest('hex'));
    expect(manifestPath(loaded)).toBe(`scenarios/${name}.yaml`);
  });

  it('lists name and description of each', () => {
    const list = listBuiltinScenarios();
    expect(list.map((s) => s.name)).toEqual(names);
    for (const s of list) expect(s.description).not.toMatch(/\n/);
  });

  it('sets up the four Haaglanden scenarios as the brief describes', () => {
    const [cont, abol, basis, modular] = ['wgr-plus-continues', 'wgr-plus-abolished', 'basiscoalitie', 'modular-gr'].map((s) => loadScenario(s).scenario);
    for (const s of [cont!, abol!, basis!, modular!]) {
      expect(s.region.id).toBe('haaglanden');
      expect(s.region.municipalities).toHaveLength(9);
      expect([s.start, s.end]).toEqual([2006 * 12, 2030 * 12 + 11]);
      expect(s.evaluation).toEqual({ from: 2015 * 12, to: 2030 * 12 + 11 });
      const wgr = s.arrangements[0]!;
      expect(s.arrangements).toHaveLength(1);
      expect([wgr.id, wgr.kind, wgr.members.length, wgr.domains, wgr.funding, wgr.fundShare]).toEqual(['haaglanden', 'wgr-plus', 9, ['transport', 'housing', 'economy'], { transport: 180 }, 0.6]);
      const early = s.events.filter((e) => e.at < 2015 * 12).map((e) => [e.at, e.type, e.type === 'austerity' ? e.capacity : null]);
      expect(early).toEqual([[2011 * 12, 'austerity', 0.95], [2013 * 12, 'austerity', 0.95]]);
      expect(s.events.find((e) => e.type === 'task-rate')).toMatchObject({ at: 2015 * 12, domain: 'social', multiplier: 3 });
      expect(s.formation).toBe(true);
      expect(s.formationKinds).toEqual(['network', 'convenant', 'basiscoalitie', 'modular-gr', 'gr']);
    }
    // The counterfactual's table takes on the domains the other structures cover (a common scope).
    expect(cont!.events.map((e) => e.type)).toEqual(['austerity', 'austerity', 'task-rate', 'change-arrangement']);
    expect(cont!.events.at(-1)).toMatchObject({ at: 2015 * 12, type: 'change-arrangement', arrangement: 'haaglanden', domains: ['transport', 'housing', 'economy', 'social', 'operations'] });
    for (const s of [cont!, abol!, basis!, modular!]) expect(s.spinup).toBe(192);
    expect(cont!.reference).toBe('wgr-plus-abolished');
    expect(abol!.reference).toBeNull();
    const later = (s: typeof abol) => s!.events.filter((e) => e.at === 2015 * 12 && e.type !== 'task-rate').map((e) => (e.type === 'start-arrangement' ? `start ${e.arrangement.id} ${e.arrangement.kind} ${e.arrangement.domains.join('+')}` : e.type === 'end-arrangement' ? `end ${e.arrangement}: ${e.reason}` : e.type));
    const ending = ['end haaglanden: WGR-plus abolished by law of 17 December 2014', 'start mrdh gr transport'];
    expect(later(abol)).toEqual(ending);
    expect(later(basis)).toEqual([...ending, 'start basiscoalitie-haaglanden basiscoalitie housing+economy+social+operations']);
    expect(later(modular)).toEqual([...ending, 'start modulaire-gr-haaglanden modular-gr housing+economy+social+operations']);
    const mrdh = abol!.events.find((e) => e.type === 'start-arrangement');
    expect(mrdh?.type === 'start-arrangement' && [mrdh.arrangement.members.length, mrdh.arrangement.funding, mrdh.arrangement.fundShare]).toEqual([9, { transport: 180 }, 0.6]);
    const gr = modular!.events.find((e) => e.type === 'start-arrangement' && e.arrangement.kind === 'modular-gr');
    expect(gr?.type === 'start-arrangement' && gr.arrangement.modules).toEqual({});
  });

  it('sets up Rivierenland and the national scenario', () => {
    const basis = loadScenario('rivierenland-basiscoalitie').scenario;
    const none = loadScenario('rivierenland-none').scenario;
    for (const s of [basis, none]) {
      expect(s.region.municipalities).toHaveLength(10);
      expect([s.start, s.end]).toEqual([2015 * 12, 2030 * 12 + 11]);
      expect(s.events[0]).toEqual({ at: 2015 * 12, type: 'task-rate', label: 'Social domain decentralised', domain: 'social', multiplier: 3 });
      expect(s.formation).toBe(true);
      expect(s.arrangements).toEqual([]);
    }
    // The coalition starts with the reported period, so the spin-up is the same world in both.
    expect(none.events).toHaveLength(1);
    expect(basis.events.slice(1).map((e) => e.type === 'start-arrangement' && [e.at, e.arrangement.kind, e.arrangement.members.length, e.arrangement.domains])).toEqual([[2015 * 12, 'basiscoalitie', 10, ['housing', 'economy', 'social', 'operations', 'transport']]]);
    expect(basis.reference).toBe('rivierenland-none');
    const national = loadScenario('national').scenario;
    expect(national.region.municipalities).toHaveLength(355);
    expect(national.arrangements).toEqual([]);
    expect([national.formation, national.formationKinds]).toEqual([true, ['network', 'convenant', 'basiscoalitie', 'modular-gr', 'gr']]);
  });

  it('the example describes its own region', () => {
    const s = loadScenario('examples/own-region').scenario;
    expect(s.region.municipalities.map((m) => m.name)).toContain('Ede');
    expect(s.region.municipalities.find((m) => m.name === 'Nijkerk')?.neighbours).toEqual(['GM0203']);
    expect(s.params.secretaryTurnoverPerYear).toBe(0.17);
    expect(s.arrangements[0]?.kind).toBe('basiscoalitie');
  });
});

describe('a region named by its members', () => {
  const data = JSON.parse(readFileSync(join(scenariosDir(), '..', 'data', 'nl-municipalities-2019.json'), 'utf8')) as { code: string; name: string; population: number; province: string; neighbours: string[] }[];
  const FOODVALLEY = ['Barneveld', 'Ede', 'Nijkerk', 'Renswoude', 'Rhenen', 'Scherpenzeel', 'Veenendaal', 'Wageningen'];

  it('the example takes population, province and the borders among the members from data/', () => {
    const s = loadScenario('examples/foodvalley').scenario;
    const codes = s.region.municipalities.map((m) => m.code);
    expect(s.region.municipalities.map((m) => m.name).sort()).toEqual(FOODVALLEY);
    expect([s.region.id, s.region.name, s.region.year]).toEqual(['regio-foodvalley', 'Regio Foodvalley', 2019]);
    for (const m of s.region.municipalities) {
      const rec = data.find((d) => d.code === m.code)!;
      expect([m.name, m.population, m.province, m.neighbours]).toEqual([rec.name, rec.population, rec.province, rec.neighbours.filter((n) => codes.includes(n))]);
    }
    // Nijkerk borders Barneveld only among the eight; Ede borders five of them.
    expect(s.region.municipalities.find((m) => m.name === 'Nijkerk')!.neighbours).toEqual(['GM0203']);
    expect(s.region.municipalities.find((m) => m.name === 'Ede')!.neighbours).toEqual(['GM0203', 'GM0289', 'GM0339', 'GM0340', 'GM0345']);
    expect(s.region.municipalities.reduce((sum, m) => sum + m.population, 0)).toBe(362714);
  });

  it('accepts codes and names in any case, and reports misspelt members with the line and a "did you mean"', () => {
    const ok = loadScenario(write(`name: west\nregion:\n  members: [gm0503, zoetermeer, Den Haag]\nstart: 2015-01\nend: 2016-12\n`)).scenario;
    expect(ok.region.municipalities.map((m) => m.name)).toEqual(['Delft', "'s-Gravenhage", 'Zoetermeer']);
    expect(ok.region.name).toBe("Delft, Zoetermeer, 's-Gravenhage");
    const p = problems(`name: west\nregion:\n  members:\n    - Delft\n    - Zoetemeer\n    - Bergen\nstart: 2015-01\nend: 2016-12\narrangements:\n  - {id: a, kind: gr, members: [Delft, Westland], domains: [housing]}\n`);
    const expected = 'the name or CBS code (GM0000) of a Dutch municipality of 2019 (`regiosim regions netherlands` lists them)';
    expect(p).toEqual([
      { path: 'region.members[1] (line 5)', expected, found: '"Zoetemeer" (did you mean Zoetermeer?)' },
      { path: 'region.members[2] (line 6)', expected, found: '"Bergen" (did you mean Bergen (L.), Bergen (NH.) or Bergen op Zoom?)' },
    ]);
  });

  it('reports an unknown key of the members form as that form\'s, and an arrangement member with a "did you mean"', () => {
    expect(problems(`name: west\nregion:\n  members: [Delft, Zoetermeer]\n  colour: red\nstart: 2015-01\nend: 2016-12\n`)).toEqual([
      { path: 'region.colour (line 4)', expected: 'one of the keys id, name, members', found: 'an unknown key "colour"' },
    ]);
    expect(problems(`name: west\nregion:\n  members: [Delft, Zoetermeer]\nstart: 2015-01\nend: 2016-12\narrangements:\n  - {id: a, kind: gr, members: [Delft, Zoetermer], domains: [housing]}\n`)).toEqual([
      { path: 'arrangements[0].members[1] (line 7)', expected: 'a municipality of region Delft, Zoetermeer', found: '"Zoetermer" (did you mean Zoetermeer?)' },
    ]);
  });
});

describe('finding the file', () => {
  it('prefers a file that exists over a built-in name', () => {
    const file = write(MINIMAL);
    const loaded = loadScenario(file);
    expect([loaded.builtin, loaded.file, loaded.scenario.name]).toEqual([null, file, 'small']);
    expect(manifestPath(loaded)).toBe(file);
  });

  it('resolves a relative path against the given cwd', () => {
    writeFileSync(join(dir, 'rel.yaml'), MINIMAL);
    expect(loadScenario('rel.yaml', {}, { cwd: dir }).file).toBe('rel.yaml');
  });

  it('reports a missing file, naming the built-ins', () => {
    expect(() => loadScenario(join(dir, 'nope.yaml'))).toThrow(UserError);
    try {
      loadScenario('no-such-scenario');
    } catch (err) {
      const p = (err as UserError).problems;
      expect(p).toHaveLength(1);
      expect(p[0]!.path).toBe('no-such-scenario');
      expect(p[0]!.expected).toMatch(/^a scenario file or a built-in scenario \(basiscoalitie, basiscoalitie-core, modular-gr, .*examples\/own-region\)$/);
      expect(p[0]!.found).toBe('no such file');
    }
  });

  it('reports a directory', () => {
    mkdirSync(join(dir, 'adir'), { recursive: true });
    expect(() => loadScenario(join(dir, 'adir'))).toThrow(/expected a readable YAML scenario file, found a directory/);
  });

  it('hashes the bytes of the file', () => {
    const a = loadScenario(write(MINIMAL));
    const b = loadScenario(write(MINIMAL + '# a comment\n'));
    expect(a.hash).toBe(createHash('sha256').update(MINIMAL).digest('hex'));
    expect(b.hash).not.toBe(a.hash);
  });
});

describe('problems in scenario files', () => {
  it('reports YAML syntax errors with line and column', () => {
    expect(problems('name: x\ndescription: a: b\nstart: [2010-01\n')).toEqual([
      { path: 'line 2, column 14', expected: 'valid YAML', found: 'a syntax error: Nested mappings are not allowed in compact mappings (text that contains ": " must be put in quotes) in "description: a: b"' },
      { path: 'line 4, column 1', expected: 'valid YAML', found: 'a syntax error: Flow sequence in block collection must be sufficiently indented and end with a ] (check the indentation and the closing bracket)' },
    ]);
    expect(problems('name: x\nname: y\n')).toEqual([{ path: 'name (line 2)', expected: 'each key once in a mapping', found: 'the key "name" a second time (first at line 1) in "name: y"' }]);
  });

  it('reports an empty file and a file that is not a mapping', () => {
    expect(problems('# nothing\n')).toEqual([{ path: '(top level)', expected: 'a scenario: a mapping with name, region, start and end', found: 'an empty file' }]);
    expect(problems('- a\n- b\n')).toEqual([{ path: '(top level) (line 1)', expected: 'a mapping (key: value)', found: 'a list of 2 items' }]);
  });

  it('reports unknown keys, top-level and nested, with the allowed keys and a suggestion', () => {
    expect(problems(`${MINIMAL}colour: blue\nstructure:\n  formationkinds: [network]\n`)).toEqual([
      {
        path: 'colour (line 5)',
        expected: 'one of the keys $schema, name, title, description, nl, reference, region, start, end, spinup, evaluation, seed, parameters, structure, arrangements, events',
        found: 'an unknown key "colour"',
      },
      { path: 'structure.formationkinds (line 7)', expected: 'one of the keys formation, formationKinds', found: 'an unknown key "formationkinds" (did you mean formationKinds?)' },
    ]);
    const nested = problems(`${MINIMAL}arrangements:\n  - id: a\n    kind: gr\n    members: all\n    domains: [housing]\n    properties: {colour: red}\n    funding: {roads: 3}\n`);
    expect(nested.map((p) => [p.path, p.found])).toEqual([
      ['arrangements[0].properties.colour (line 10)', 'an unknown key "colour"'],
      ['arrangements[0].funding.roads (line 11)', 'an unknown key "roads"'],
    ]);
    expect(nested[0]!.expected).toMatch(/^one of the keys decisionRule, mandatory, secretariat, binding, meetingInterval, /);
    expect(nested[1]!.expected).toBe('one of the keys housing, transport, economy, social, operations');
  });

  it('reports an unknown arrangement kind, domain and event type with the options', () => {
    const p = problems(`${MINIMAL}arrangements:\n  - id: a\n    kind: wgrplus\n    members: all\n    domains: [housing, roads]\nevents:\n  - date: 2011-01\n    type: merger\n`);
    expect(p).toEqual([
      { path: 'arrangements[0].kind (line 7)', expected: 'one of wgr-plus, gr, modular-gr, basiscoalitie, network, convenant, centrumgemeente', found: '"wgrplus"' },
      { path: 'arrangements[0].domains[1] (line 9)', expected: 'one of housing, transport, economy, social, operations', found: '"roads"' },
      { path: 'events[0].type (line 12)', expected: 'one of start-arrangement, end-arrangement, change-arrangement, task-rate, austerity', found: '"merger"' },
    ]);
  });

  it('reports members not in the region', () => {
    const p = problems(`${MINIMAL}arrangements:\n  - id: a\n    kind: gr\n    members: [Delft, Amsterdam, Westland]\n    domains: [housing]\n`);
    expect(p).toEqual([{ path: 'arrangements[0].members[1] (line 8)', expected: 'a municipality of region Haaglanden', found: '"Amsterdam"' }]);
  });

  it('reports members that are neither "all" nor a list', () => {
    const p = problems(`${MINIMAL}arrangements:\n  - id: a\n    kind: gr\n    members: everyone\n    domains: [housing]\n`);
    expect(p).toEqual([{ path: 'arrangements[0].members (line 8)', expected: '"all" or a list', found: '"everyone"' }]);
  });

  it('reports negative and non-numeric values with the bounds', () => {
    const p = problems(`${MINIMAL}seed: -1\narrangements:\n  - id: a\n    kind: gr\n    members: all\n    domains: [transport]\n    fundShare: -0.5\n    funding: {transport: lots}\nevents:\n  - date: 2011-01\n    type: austerity\n    capacity: half\n`);
    expect(p).toEqual([
      { path: 'seed (line 5)', expected: 'a whole number between 0 and 4294967295', found: '-1' },
      { path: 'arrangements[0].fundShare (line 11)', expected: 'a number between 0 and 1', found: '-0.5' },
      { path: 'arrangements[0].funding.transport (line 12)', expected: 'a number between 0 and 10000', found: '"lots"' },
      { path: 'events[0].capacity (line 16)', expected: 'a number between 0.1 and 1.5', found: '"half"' },
    ]);
  });

  it('reports missing required fields', () => {
    expect(problems('name: x\nregion: haaglanden\nend: 2012-12\n')).toEqual([{ path: 'start (line 1)', expected: 'text (this field is required)', found: 'nothing' }]);
  });

  it('reports dates that are malformed or outside the horizon', () => {
    expect(problems('name: x\nregion: haaglanden\nstart: 2010-13\nend: 2012-12\n')).toEqual([{ path: 'start (line 3)', expected: 'a date written YYYY-MM between 1900-01 and 2200-12 (for example 2015-01)', found: '"2010-13"' }]);
    const p = problems(`${MINIMAL}evaluation: {from: 2009-01, to: 2012-12}\nevents:\n  - date: 2013-01\n    type: austerity\n    capacity: 0.9\n`);
    expect(p).toEqual([
      { path: 'evaluation.from (line 5)', expected: 'a month within the horizon 2010-01 to 2012-12', found: '"2009-01"' },
      { path: 'events[0].date (line 7)', expected: 'a month within the horizon 2010-01 to 2012-12', found: '"2013-01"' },
    ]);
  });

  it('reports parameters in the file: unknown names and out-of-bounds values', () => {
    const p = problems(`${MINIMAL}parameters:\n  altruism: 5\n  altruisme: 0.5\n`);
    expect(p.map((x) => x.path)).toEqual(['parameters.altruism (line 6)', 'parameters.altruisme (line 7)']);
    expect(p[0]).toMatchObject({ expected: 'a number between 0 and 1 (weight)', found: '5' });
  });

  it('reports schema problems, parameter bounds and cross-field problems in one pass', () => {
    const p = problems(
      [
        'name: Not A Slug', // 1
        'region: haaglanden', // 2
        'start: 2010-01', // 3
        'end: 2009-12', // 4
        'parameters: {altruism: 5}', // 5
        'arrangements:', // 6
        '  - {id: a, kind: nope, members: all, domains: [housing]}', // 7
        '  - {id: b, kind: gr, members: [Atlantis, Delft], domains: [housing]}', // 8
        'events:', // 9
        '  - {date: 2010-06, type: end-arrangement, arrangement: a}', // 10
      ].join('\n') + '\n',
    );
    expect(p.map((x) => x.path)).toEqual(['name (line 1)', 'end (line 4)', 'parameters.altruism (line 5)', 'arrangements[0].kind (line 7)', 'arrangements[1].members[0] (line 8)']);
    // The event ends an arrangement whose kind the schema refused: no second problem about it.
  });

  it('refuses a population, a region or a horizon beyond the bounds that keep a run fast', () => {
    const big = problems('name: x\nregion:\n  name: R\n  municipalities:\n    - {name: A, population: 9007199254740991}\n    - {name: B, population: 1}\nstart: 2015-01\nend: 2016-12\n');
    expect(big).toEqual([{ path: 'region.municipalities[0].population (line 5)', expected: 'a whole number between 1 and 10000000', found: '9007199254740991' }]);
    const many = `name: x\nregion:\n  name: R\n  municipalities:\n${Array.from({ length: 501 }, (_, i) => `    - {name: M${i}, population: 1000}`).join('\n')}\nstart: 2015-01\nend: 2016-12\n`;
    expect(problems(many)).toEqual([{ path: 'region.municipalities (line 4)', expected: 'a list of at most 500 items', found: 'a list of 501 items' }]);
    expect(problems('name: x\nregion: haaglanden\nstart: 0001-01\nend: 9999-12\n').map((x) => x.path)).toEqual(['start (line 3)', 'end (line 4)']);
  });

  it('reports an unknown region with the known ones', () => {
    const p = problems('name: x\nregion: atlantis\nstart: 2010-01\nend: 2012-12\n');
    expect(p).toHaveLength(1);
    expect(p[0]!.path).toBe('region (line 2)');
    expect(p[0]!.expected).toMatch(/^a built-in region \(haaglanden, .*rivierenland.*\) or an inline region$/);
    expect(p[0]!.found).toBe('"atlantis"');
  });

  it('reports problems inside an inline region', () => {
    const p = problems('name: x\nregion:\n  name: Mine\n  municipalities:\n    - {name: A, population: 100, neighbours: [C]}\n    - {name: B, population: -5}\nstart: 2010-01\nend: 2012-12\n');
    expect(p.map((x) => [x.path, x.found])).toEqual([['region.municipalities[1].population (line 6)', '-5']]);
    expect(p[0]!.expected).toBe('a whole number between 1 and 10000000');
  });

  it('lists every problem at once, sorted by line, overrides first', () => {
    const p = problems(`name: Bad Name\nregion: haaglanden\nstart: 2010-01\nend: 2012-12\nseed: 1.5\ncolour: x\narrangements:\n  - id: a\n    kind: nope\n    members: all\n    domains: []\n`, { bogus: 1 });
    expect(p.map((x) => x.path)).toEqual(['--set bogus', 'name (line 1)', 'seed (line 5)', 'colour (line 6)', 'arrangements[0].kind (line 9)', 'arrangements[0].domains (line 11)']);
    expect(p[2]!.expected).toBe('a whole number between 0 and 4294967295');
    expect(p[5]).toMatchObject({ expected: 'a list of at least 1 item', found: 'an empty list' });
  });
});

describe('--set overrides', () => {
  it('splits name=value, the last value of a name winning', () => {
    expect(parseSetArgs(['a=1', 'b = 2 ', 'a=3', 'c', 'd='])).toEqual({ a: '3', b: '2', c: '', d: '' });
  });

  it('applies numeric overrides and records them', () => {
    const loaded = loadScenario(write(MINIMAL), { altruism: '0.25', taskPatience: '6', trustBase: 0.4, stanceSd: '1e-1' });
    expect(loaded.overrides).toEqual({ altruism: 0.25, taskPatience: 6, trustBase: 0.4, stanceSd: 0.1 });
    expect(loaded.scenario.params.altruism).toBe(0.25);
    expect(loaded.scenario.params.stanceSd).toBe(0.1);
  });

  it('reports unknown names, non-numeric and out-of-bounds values, all at once', () => {
    const p = problems(MINIMAL, { altruisme: '0.3', trustBase: 'high', taskPatience: '0x10', secretaryTurnoverPerYear: '2', electionCycle: '2.5', mandjeTrust: '' });
    expect(p).toEqual([
      { path: '--set altruisme', expected: `the name of a model parameter (${PARAM_NAMES.length} of them: see \`regiosim params\`)`, found: 'an unknown parameter "altruisme" (did you mean altruism?)' },
      { path: '--set trustBase', expected: 'a number (for example 0.25 or 1e-3)', found: '"high"' },
      { path: '--set taskPatience', expected: 'a number (for example 0.25 or 1e-3)', found: '"0x10"' },
      { path: '--set secretaryTurnoverPerYear', expected: 'a number between 0 and 0.6 (share per year)', found: '2' },
      { path: '--set electionCycle', expected: 'a whole number between 1 and 10 (years)', found: '2.5' },
      { path: '--set mandjeTrust', expected: 'a number (write --set name=value)', found: 'nothing' },
    ]);
  });

  it('reports override problems together with problems in the file', () => {
    const p = problems(`${MINIMAL}colour: x\n`, { nope: '1' });
    expect(p.map((x) => x.path)).toEqual(['--set nope', 'colour (line 5)']);
  });
});

describe('messages', () => {
  it('formats the problems as the CLI prints them', () => {
    expect(formatProblems('x.yaml', [{ path: 'start', expected: 'a date', found: '"13"' }])).toBe('regiosim: 1 problem in x.yaml:\n  - start: expected a date, found "13"');
    const err = new UserError('y.yaml', [{ path: 'a', expected: 'b', found: 'c' }, { path: '', expected: 'd', found: 'e' }]);
    expect(err.message).toBe('regiosim: 2 problems in y.yaml:\n  - a: expected b, found c\n  - (top level): expected d, found e');
  });

  it('suggests close names only', () => {
    expect(closest('formationkind', ['formation', 'formationKind'])).toBe('formationKind');
    expect(closest('altruisme', PARAM_NAMES)).toBe('altruism');
    expect(closest('colour', ['name', 'region', 'start'])).toBeUndefined();
  });

  it('writes paths the way the resolver does', () => {
    expect(formatPath(['events', 3, 'arrangement', 'members', 0])).toBe('events[3].arrangement.members[0]');
    expect(formatPath(['parameters', 'a b'])).toBe('parameters["a b"]');
    expect(formatPath([])).toBe('');
  });
});

describe('reference', () => {
  const base = 'name: mine\nregion: haaglanden\nstart: 2015-01\nend: 2016-12\n';
  it('names a built-in scenario or a file next to this one', () => {
    expect(loadScenario(write(`${base}reference: basiscoalitie\n`)).reference).toBe('basiscoalitie');
    const other = write(base);
    const loaded = loadScenario(write(`${base}reference: ${other.split('/').pop()}\n`));
    expect(loaded.reference).toBe(other);
    expect(loadScenario(write(base)).reference).toBeNull();
  });
  it('must exist and not be the scenario itself', () => {
    const bad = problems(`${base}reference: no-such-scenario\n`);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ path: 'reference (line 5)', found: '"no-such-scenario", which does not exist' });
    expect(bad[0]!.expected).toMatch(/^another scenario: a built-in name \(basiscoalitie, /);
    n += 1;
    const self = join(dir, `s${n}.yaml`);
    writeFileSync(self, `${base}reference: s${n}.yaml\n`);
    expect(() => loadScenario(self)).toThrow(/this scenario itself/);
  });
});
