/**
 * `regiosim new`: every structure, for municipalities named on the command line and for a
 * built-in region, writes a file `regiosim validate` accepts; bad options exit 2 with every
 * problem; and a scenario that only lists eight municipality names runs end to end.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NEW_STRUCTURES } from '../../../src/api/index.js';
import { dataPath } from '../../../src/io/regions.js';
import { loadScenario, scenariosDir } from '../../../src/io/scenario.js';
import { listFiles, removeDir, runCli, tempDir } from '../helpers.js';

const cwd = tempDir('new');
afterAll(() => removeDir(cwd));

const FOODVALLEY = 'Barneveld,Ede,Nijkerk,Renswoude,Rhenen,Scherpenzeel,Veenendaal,Wageningen';
const data = JSON.parse(readFileSync(dataPath('nl-municipalities-2019.json'), 'utf8')) as { code: string; name: string; population: number; neighbours: string[] }[];

describe('regiosim new', () => {
  it.each(NEW_STRUCTURES)('--structure %s writes a scenario that validates, for named members and for a built-in region', async (structure) => {
    for (const [how, args] of [['members', ['--members', 'Delft, zoetermeer,GM1783']], ['region', ['--region', 'rivierenland-2019']]] as const) {
      const file = `${how}-${structure}.yaml`;
      const r = await runCli(['new', ...args, '--structure', structure, '--out', file], cwd);
      expect([r.code, r.err, r.out]).toEqual([0, '', `Wrote ${file}\n`]);
      const v = await runCli(['validate', file], cwd);
      expect([v.code, v.err, v.out]).toEqual([0, '', `ok ${file}\n`]);
      const s = loadScenario(join(cwd, file)).scenario;
      const started = s.events.filter((e) => e.type === 'start-arrangement').map((e) => e.type === 'start-arrangement' && [e.at, e.arrangement.kind, e.arrangement.members.length, e.arrangement.domains.length]);
      const n = how === 'members' ? 3 : 8;
      expect(started).toEqual(structure === 'none' ? [] : [[2015 * 12, structure, n, 5]]);
      expect(s.arrangements).toEqual([]);
      expect(s.events[0]).toMatchObject({ at: 2015 * 12, type: 'task-rate', domain: 'social', multiplier: 3 });
      expect(s.region.municipalities).toHaveLength(n);
      expect(s.nl.description).toMatch(/ gemeenten\), .* vanaf 2015, met de decentralisatie van het sociaal domein in 2015\. Geschreven door regiosim new\.$/);
    }
  });

  it('writes the members with code, province and population, and the names and titles it derives', async () => {
    const r = await runCli(['new', '--members', "Delft,Den Haag,Zoetermeer", '--structure', 'modular-gr'], cwd);
    expect(r.code).toBe(0);
    expect(r.out).toContain("\nname: delft-s-gravenhage-zoetermeer-modular-gr\n# Title and description for people; under nl: the same in Dutch, for Dutch output.\ntitle: Delft, 's-Gravenhage, Zoetermeer, modular GR\n");
    expect(r.out).toContain("\nnl:\n  title: Delft, 's-Gravenhage, Zoetermeer, modulaire GR\n");
    expect(r.out).toContain('\n  members:\n    - Delft            # GM0503, Zuid-Holland, 103,037 inhabitants\n    - "\'s-Gravenhage"  # GM0518, Zuid-Holland, 545,863 inhabitants\n    - Zoetermeer       # GM0637, Zuid-Holland, 125,247 inhabitants\n');
    // The editor's schema comment points at the package's schema, relative to where the file goes.
    const schema = /^# yaml-language-server: \$schema=(.+)$/.exec(r.out.split('\n')[0]!)![1]!;
    expect(readFileSync(resolve(cwd, schema), 'utf8')).toBe(readFileSync(join(scenariosDir(), 'scenario.schema.json'), 'utf8'));
    mkdirSync(join(cwd, 'sub'));
    expect((await runCli(['new', '--members', 'Delft,Zoetermeer', '--out', 'sub/two.yaml'], cwd)).code).toBe(0);
    const nested = /^# yaml-language-server: \$schema=(.+)$/.exec(readFileSync(join(cwd, 'sub', 'two.yaml'), 'utf8').split('\n')[0]!)![1]!;
    expect(resolve(cwd, 'sub', nested)).toBe(join(scenariosDir(), 'scenario.schema.json'));
  });

  it('writes its comments in Dutch with --lang nl', async () => {
    const r = await runCli(['new', '--region', 'haaglanden', '--structure', 'wgr-plus', '--lang', 'nl'], cwd);
    expect(r.code).toBe(0);
    expect(r.out).toContain('# Een ingebouwde regio: `regiosim regions haaglanden` toont de gemeenten.\nregion: haaglanden\n');
    expect(r.out).toContain('  # Een verplichte stadsregio (plusregio, zoals van 2006 tot 2015)');
    const comments = r.out.split('\n').filter((l) => /^\s*# /.test(l) && !/^\s*#\s+regiosim /.test(l)).join('\n');
    expect(comments).not.toMatch(/\b(the|and|with|inhabitants|municipalities)\b/);
  });

  it('refuses misspelt members with "did you mean", a bad structure and an existing --out at once, writing nothing', async () => {
    writeFileSync(join(cwd, 'taken.yaml'), 'x');
    const r = await runCli(['new', '--members', 'Delft,Zoetemeer,Bergen', '--structure', 'wgr', '--name', 'My Region', '--out', 'taken.yaml'], cwd);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const expected = 'expected the name or CBS code (GM0000) of a Dutch municipality of 2019 (`regiosim regions netherlands` lists them)';
    expect(r.err).toBe(
      'regiosim: 5 problems in the command line:\n' +
        '  - --structure: expected one of basiscoalitie, modular-gr, gr, wgr-plus, none, found "wgr"\n' +
        '  - --name: expected lower-case letters, digits and hyphens, at most 64 characters (for example my-region), found "My Region"\n' +
        `  - --members[1]: ${expected}, found "Zoetemeer" (did you mean Zoetermeer?)\n` +
        `  - --members[2]: ${expected}, found "Bergen" (did you mean Bergen (L.), Bergen (NH.) or Bergen op Zoom?)\n` +
        '  - --out: expected a file that does not exist yet (regiosim new replaces no file), found taken.yaml, which exists\n',
    );
    expect(readFileSync(join(cwd, 'taken.yaml'), 'utf8')).toBe('x');
    const both = await runCli(['new', '--members', 'Delft,Zoetermeer', '--region', 'haaglanden'], cwd);
    expect([both.code, both.err]).toEqual([2, 'regiosim: 1 problem in the command line:\n  - --members: expected either --members (municipalities separated by commas) or --region (a built-in region id), found both\n']);
    const region = await runCli(['new', '--region', 'haaglandn', '--out', 'h.yaml'], cwd);
    expect(region.code).toBe(2);
    expect(region.err).toContain('  - --region: expected a built-in region (haaglanden, ');
    expect(region.err).toContain('found "haaglandn" (did you mean haaglanden?)\n');
    expect(existsSync(join(cwd, 'h.yaml'))).toBe(false);
  });
});

describe('a scenario that lists eight municipality names', () => {
  it('runs end to end, with the populations of data/', async () => {
    const names = FOODVALLEY.split(',');
    writeFileSync(join(cwd, 'eight.yaml'), `name: eight\nregion:\n  members: [${names.join(', ')}]\nstart: 2015-01\nend: 2020-12\nspinup: 24\narrangements:\n  - {id: table, kind: basiscoalitie, members: all, domains: [housing, economy]}\n`);
    const r = await runCli(['run', 'eight.yaml', '--seed', '3', '--out', 'eight-run'], cwd);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('eight: Barneveld, Ede, Nijkerk +5 (8 municipalities), January 2015 to December 2020, seed 3');
    expect(listFiles(join(cwd, 'eight-run'))).toEqual(['events.jsonl', 'manifest.json', 'story.md', 'summary.json', 'timeseries.csv', 'trust.csv']);
    const summary = JSON.parse(readFileSync(join(cwd, 'eight-run', 'summary.json'), 'utf8')) as { region: string; municipalities: { code: string; name: string; population: number }[] };
    expect(summary.region).toBe('barneveld-ede-nijkerk-5');
    expect(summary.municipalities.map((m) => m.name).sort()).toEqual(names);
    for (const m of summary.municipalities) expect(m.population).toBe(data.find((d) => d.code === m.code)!.population);
    const trust = readFileSync(join(cwd, 'eight-run', 'trust.csv'), 'utf8');
    expect(trust.split('\n')[0]).toBe('date,label,from_code,from_name,to_code,to_name,trust,personal,institutional');
    // Trust pairs are those of the eight: 8 x 7 ordered pairs at each snapshot.
    const first = trust.split('\n').filter((l) => l.startsWith('2015-01,start,'));
    expect(first).toHaveLength(56);
  }, 60_000);
});
