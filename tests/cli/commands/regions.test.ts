/** `regiosim regions`: the built-in regions, one region's municipalities, both languages, a misspelt id. */
import { afterAll, describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/index.js';
import { listRegions } from '../../../src/io/regions.js';
import { removeDir, runCli, tempDir } from '../helpers.js';

const cwd = tempDir('regions');
afterAll(() => removeDir(cwd));

describe('regiosim regions', () => {
  it('lists every built-in region with its number of municipalities and province', async () => {
    const r = await runCli(['regions'], cwd);
    expect([r.code, r.err]).toEqual([0, '']);
    const lines = r.out.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      'id                    name                                  municipalities  province',
      'haaglanden            Haaglanden                                         9  Zuid-Holland',
      'stadsregio-rotterdam  Stadsregio Rotterdam                              14  Zuid-Holland',
      'stadsregio-amsterdam  Stadsregio Amsterdam                              15  Noord-Holland',
      'rivierenland          Regio Rivierenland                                10  Gelderland',
      'rivierenland-2019     Regio Rivierenland (2019 boundaries)               8  Gelderland',
      'netherlands           Netherlands                                      355  12 provinces',
    ]);
    expect(lines.slice(1, 7).map((l) => l.split(' ')[0])).toEqual(listRegions().map((r) => r.id));
  });

  it('in Dutch, with the Dutch names of the regions and numbers written the Dutch way', async () => {
    const r = await runCli(['regions', '--lang', 'nl'], cwd);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('id                    naam                                   gemeenten  provincie');
    expect(r.out).toContain('\nnetherlands           Nederland                                    355  12 provincies\n');
    const nl = await runCli(['regions', 'haaglanden', '--lang', 'nl'], cwd);
    expect(nl.out.split('\n').slice(0, 4)).toEqual([
      'Haaglanden (haaglanden): 9 gemeenten, 1.117.619 inwoners, gemeentelijke indeling van 2019',
      '',
      'code    naam                   inwoners  provincie     buren',
      'GM0503  Delft                   103.037  Zuid-Holland      4',
    ]);
    expect(nl.out).not.toMatch(/municipalit|inhabitant|neighbour|province\b|Netherlands/);
  });

  it("the catalogue's English region names are those of data/regions.json", () => {
    for (const r of listRegions().filter((x) => ['netherlands', 'rivierenland-2019'].includes(x.id))) {
      expect(t(`cli.regionName.${r.id}` as Parameters<typeof t>[0], 'en')).toBe(r.name);
    }
  });

  it('with an id lists its municipalities with population, province and neighbours in the region', async () => {
    const r = await runCli(['regions', 'rivierenland'], cwd);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Regio Rivierenland (rivierenland): 10 municipalities, 238,305 inhabitants, municipal division of 2016');
    expect(lines.slice(2, 5)).toEqual([
      'code    name               population  province    neighbours',
      'GM0214  Buren                  26,202  Gelderland           4',
      'GM0216  Culemborg              27,644  Gelderland           2',
    ]);
    expect(lines.filter((l) => /^GM\d{4} /.test(l))).toHaveLength(10);
  });

  it('refuses an unknown id with exit code 2, naming the built-in ones and the nearest', async () => {
    const r = await runCli(['regions', 'haaglandn'], cwd);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      'regiosim: 1 problem in the command line:\n  - id: expected a built-in region (haaglanden, stadsregio-rotterdam, stadsregio-amsterdam, rivierenland, rivierenland-2019, netherlands), found "haaglandn" (did you mean haaglanden?)\n',
    );
  });
});
