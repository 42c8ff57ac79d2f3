import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { neighbourPairs, totalPopulation, type Region } from '../../src/core/entities/region.js';
import { dataPath, listRegions, loadRegion, municipalities2019, packageRoot } from '../../src/io/regions.js';

interface FileRecord {
  code: string;
  name: string;
  population: number;
  neighbours: string[];
}
// Read the data file directly, independently of the loader, to compare against.
const file = JSON.parse(readFileSync(dataPath('nl-municipalities-2019.json'), 'utf8')) as FileRecord[];
const pop = (codes: string[]): number =>
  codes.reduce((s, c) => s + file.find((m) => m.code === c)!.population, 0);

function expectSymmetric(region: Region): void {
  const byCode = new Map(region.municipalities.map((m) => [m.code, m]));
  for (const m of region.municipalities) {
    for (const n of m.neighbours) {
      expect(byCode.get(n)?.neighbours, `${n} lists ${m.code} back`).toContain(m.code);
    }
  }
}

const codes = (r: Region): string[] => r.municipalities.map((m) => m.code);

describe('data files', () => {
  it('finds the package root and the copied data', () => {
    const pkg = JSON.parse(readFileSync(`${packageRoot()}/package.json`, 'utf8')) as { name: string };
    expect(pkg.name).toBe('regiosim');
    expect(municipalities2019()).toHaveLength(355);
  });

  it.each([
    ['nl-municipalities-2019.json', 'b0d0ac2732a99ff4afd8e6c85dc3fab17ed924977cb8cb7cf42108dbc8bd50bd'],
    ['nl-municipalities-population.csv', '3476eb0ede0a404c2bb1e6925dbcd51c891eaf40271d38baa5a1c863f0299f40'],
    ['nl-municipalities-provinces-2019.csv', 'fc18d715b4d2a425f5dbeed8e00e070c9b88b67164db533993a88e716dbb2b31'],
    ['nl-gemeente-2019.topojson', '4e676031158a2d5b2d60ad483f9fc964838d33118d90789e88fe4f056d943dfd'],
    ['nl-gemeente-2014.topojson', 'e718787eb09470da3825a11c74b119c8d0719dce72397244e5203ef99afa5b4c'],
    ['nl-municipalities-population-2016.php', 'dc2a01e06392ced96b7f527c83766b57bd5b3f19b9fccdcbf6dc5e1ff0e85b1c'],
  ])('%s is the copy recorded in data/README.md', (name, sha) => {
    expect(createHash('sha256').update(readFileSync(dataPath(name))).digest('hex')).toBe(sha);
  });
});

describe('listRegions', () => {
  it('lists the built-in regions with their member counts', () => {
    expect(listRegions().map((r) => [r.id, r.municipalityCount])).toEqual([
      ['haaglanden', 9],
      ['stadsregio-rotterdam', 14],
      ['stadsregio-amsterdam', 15],
      ['rivierenland', 10],
      ['rivierenland-2019', 8],
      ['netherlands', 355],
    ]);
    for (const r of listRegions()) {
      expect(r.description.length).toBeGreaterThan(20);
      expect(r.reference.length).toBeGreaterThan(10);
    }
  });
});

describe('loadRegion', () => {
  it('haaglanden: the 9 WGR-plus members and their total population', () => {
    const r = loadRegion('haaglanden');
    expect(r.year).toBe(2019);
    expect(r.municipalities.map((m) => m.name)).toEqual([
      'Delft', "'s-Gravenhage", 'Rijswijk', 'Wassenaar', 'Zoetermeer',
      'Westland', 'Midden-Delfland', 'Leidschendam-Voorburg', 'Pijnacker-Nootdorp',
    ]);
    expect(totalPopulation(r)).toBe(1_117_619);
    expect(totalPopulation(r)).toBe(pop(codes(r)));
    expect(neighbourPairs(r)).toBe(16);
    expectSymmetric(r);
  });

  it("haaglanden: Den Haag's neighbours are the 7 of the shared README", () => {
    const denHaag = loadRegion('haaglanden').municipalities.find((m) => m.code === 'GM0518')!;
    expect(denHaag.name).toBe("'s-Gravenhage");
    expect(denHaag.population).toBe(545_863);
    expect(denHaag.neighbours).toEqual(['GM0503', 'GM0603', 'GM0629', 'GM0637', 'GM1783', 'GM1916', 'GM1926']);
    // Delft, Rijswijk, Wassenaar, Zoetermeer, Westland, Leidschendam-Voorburg, Pijnacker-Nootdorp
  });

  it('stadsregio-rotterdam: 14 municipalities (Nissewaard for Bernisse + Spijkenisse)', () => {
    const r = loadRegion('stadsregio-rotterdam');
    expect(r.municipalities).toHaveLength(14);
    expect(r.municipalities.map((m) => m.name)).toContain('Nissewaard');
    expect(totalPopulation(r)).toBe(1_274_770);
    expectSymmetric(r);
  });

  it('stadsregio-amsterdam: 15 municipalities (Zeevang is part of Edam-Volendam)', () => {
    const r = loadRegion('stadsregio-amsterdam');
    expect(r.municipalities).toHaveLength(15);
    expect(totalPopulation(r)).toBe(1_564_286);
    expectSymmetric(r);
  });

  it('rivierenland: the 10 members of 2014-2018 with 1 January 2016 populations', () => {
    const r = loadRegion('rivierenland');
    expect(r.year).toBe(2016);
    expect(r.municipalities.map((m) => [m.code, m.name, m.population])).toEqual([
      ['GM0214', 'Buren', 26202],
      ['GM0216', 'Culemborg', 27644],
      ['GM0236', 'Geldermalsen', 26346],
      ['GM0263', 'Maasdriel', 24084],
      ['GM0281', 'Tiel', 41510],
      ['GM0297', 'Zaltbommel', 27543],
      ['GM0304', 'Neerijnen', 12122],
      ['GM0668', 'West Maas en Waal', 18693],
      ['GM0733', 'Lingewaal', 11112],
      ['GM1740', 'Neder-Betuwe', 23049],
    ]);
    expect(totalPopulation(r)).toBe(238_305);
    expect(neighbourPairs(r)).toBe(19);
    // Neerijnen lay in the middle: it bordered six of the other nine.
    expect(r.municipalities.find((m) => m.name === 'Neerijnen')!.neighbours).toEqual([
      'GM0236', 'GM0263', 'GM0281', 'GM0297', 'GM0668', 'GM0733',
    ]);
    expectSymmetric(r);
  });

  it('rivierenland: the populations are those of the copied source file', () => {
    const php = readFileSync(dataPath('nl-municipalities-population-2016.php'), 'utf8');
    const source = new Map(
      [...php.matchAll(/"name" => "([^"]*)",\s*"inhabitants" => (\d+)/g)].map((m) => [m[1]!, Number(m[2])]),
    );
    expect(source.size).toBe(390);
    // The 390 municipalities of 1 January 2016 add up to the CBS national total for that date.
    expect([...source.values()].reduce((a, b) => a + b, 0)).toBe(16_979_120);
    for (const m of loadRegion('rivierenland').municipalities) expect(m.population).toBe(source.get(m.name));
  });

  it('rivierenland-2019: 8 municipalities with West Betuwe', () => {
    const r = loadRegion('rivierenland-2019');
    expect(r.municipalities).toHaveLength(8);
    expect(r.municipalities.map((m) => m.name)).toContain('West Betuwe');
    expect(totalPopulation(r)).toBe(247_905);
    expectSymmetric(r);
  });

  it('netherlands: all 355 municipalities and 903 neighbour pairs', () => {
    const r = loadRegion('netherlands');
    expect(r.municipalities).toHaveLength(355);
    expect(neighbourPairs(r)).toBe(903);
    expect(totalPopulation(r)).toBe(17_427_806);
    expect(r.municipalities.filter((m) => m.neighbours.length === 0).map((m) => m.name).sort()).toEqual([
      'Ameland', 'Schiermonnikoog', 'Terschelling', 'Texel', 'Vlieland',
    ]);
    const sorted = [...codes(r)].sort();
    expect(codes(r)).toEqual(sorted);
    expectSymmetric(r);
  });

  it('returns a fresh region on every call', () => {
    const a = loadRegion('haaglanden');
    a.municipalities[0]!.population = 1;
    a.municipalities[0]!.neighbours.length = 0;
    const b = loadRegion('haaglanden');
    expect(totalPopulation(b)).toBe(1_117_619);
    expect(b.municipalities[0]!.neighbours.length).toBeGreaterThan(0);
  });

  it('names the known regions when the id is unknown', () => {
    expect(() => loadRegion('randstad')).toThrow(
      'unknown region "randstad"; known regions: haaglanden, stadsregio-rotterdam, stadsregio-amsterdam, rivierenland, rivierenland-2019, netherlands',
    );
  });
});
