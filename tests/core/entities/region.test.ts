import { describe, expect, it } from 'vitest';
import {
  buildRegion,
  findMunicipality,
  inlineCode,
  membersRegionName,
  neighbourPairs,
  regionFromInline,
  regionFromMembers,
  totalPopulation,
  type MunicipalityUniverse,
  type MunicipalityRecord,
  type Region,
  type RegionProblem,
} from '../../../src/core/entities/region.js';

const meta = { id: 't', name: 'Test', year: 2019, source: 'test' };

// A small universe: a chain A-B-C-D plus E, which borders only D. B lists C but C does not
// list B, to check that the relation is made symmetric.
const universe: MunicipalityRecord[] = [
  { code: 'GM0004', name: 'D', population: 400, neighbours: ['GM0003', 'GM0005'], centroid: [4, 52], province: 'P' },
  { code: 'GM0001', name: 'A', population: 100, neighbours: ['GM0002'] },
  { code: 'GM0003', name: 'C', population: 300, neighbours: ['GM0004'] },
  { code: 'GM0002', name: 'B', population: 200, neighbours: ['GM0001', 'GM0003'] },
  { code: 'GM0005', name: 'E', population: 500, neighbours: ['GM0004'] },
];

function expectSymmetric(region: Region): void {
  const byCode = new Map(region.municipalities.map((m) => [m.code, m]));
  for (const m of region.municipalities) {
    for (const n of m.neighbours) {
      expect(byCode.has(n), `${m.code} -> ${n} stays inside the region`).toBe(true);
      expect(byCode.get(n)!.neighbours, `${n} lists ${m.code} back`).toContain(m.code);
      expect(n).not.toBe(m.code);
    }
  }
}

describe('buildRegion', () => {
  it('keeps the members, sorted by code, and drops neighbours outside the region', () => {
    const r = buildRegion(meta, universe, ['GM0004', 'GM0002', 'GM0003']);
    expect(r.municipalities.map((m) => m.code)).toEqual(['GM0002', 'GM0003', 'GM0004']);
    expect(r.municipalities.map((m) => m.neighbours)).toEqual([['GM0003'], ['GM0002', 'GM0004'], ['GM0003']]);
    expect(totalPopulation(r)).toBe(900);
    expect(neighbourPairs(r)).toBe(2);
    expect(r.municipalities[2]).toEqual({
      code: 'GM0004', name: 'D', population: 400, neighbours: ['GM0003'], centroid: [4, 52], province: 'P',
    });
    expectSymmetric(r);
  });

  it("takes every record for 'all' and makes one-sided neighbour lists symmetric", () => {
    const r = buildRegion(meta, universe, 'all');
    expect(r.municipalities).toHaveLength(5);
    expect(r.municipalities.find((m) => m.code === 'GM0003')!.neighbours).toEqual(['GM0002', 'GM0004']);
    expect(neighbourPairs(r)).toBe(4);
    expect(totalPopulation(r)).toBe(1500);
    expectSymmetric(r);
  });

  it('does not share arrays with its input', () => {
    const r = buildRegion(meta, universe, ['GM0004', 'GM0005']);
    r.municipalities[0]!.centroid![0] = 99;
    expect(universe[0]!.centroid![0]).toBe(4);
  });

  it('throws for unknown or repeated member codes', () => {
    expect(() => buildRegion(meta, universe, ['GM0001', 'GM9999'])).toThrow(/GM9999/);
    expect(() => buildRegion(meta, universe, ['GM0001', 'GM0001'])).toThrow(/twice/);
  });
});

function problemsOf(def: unknown): RegionProblem[] {
  const r = regionFromInline(def);
  if (r.ok) throw new Error('expected problems, got a region');
  return r.problems;
}

describe('regionFromInline', () => {
  it('generates codes U001… in the given order and treats a region without neighbours as compact', () => {
    const r = regionFromInline({
      name: 'Drie Dorpen',
      municipalities: [
        { name: 'Noord', population: 1000 },
        { name: 'Midden', population: 2500 },
        { name: 'Zuid', population: 500 },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.compact).toBe(true);
    expect(r.region.id).toBe('drie-dorpen');
    expect(r.region.year).toBe(2019);
    expect(r.region.source).toMatch(/every pair treated as neighbours/);
    expect(r.region.municipalities).toEqual([
      { code: 'U001', name: 'Noord', population: 1000, neighbours: ['U002', 'U003'] },
      { code: 'U002', name: 'Midden', population: 2500, neighbours: ['U001', 'U003'] },
      { code: 'U003', name: 'Zuid', population: 500, neighbours: ['U001', 'U002'] },
    ]);
    expect(totalPopulation(r.region)).toBe(4000);
    expect(inlineCode(11)).toBe('U012');
  });

  it('makes given neighbours symmetric and keeps given codes', () => {
    const r = regionFromInline({
      id: 'ketting',
      name: 'Ketting',
      year: 2024,
      source: 'scenario file',
      municipalities: [
        { name: 'A', population: 10, neighbours: ['B'] },
        { name: 'B', population: 20 },
        { name: 'C', population: 30, code: 'X9', neighbours: ['B'] },
        { name: 'D', population: 40 },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.compact).toBe(false);
    expect(r.region).toEqual({
      id: 'ketting',
      name: 'Ketting',
      year: 2024,
      source: 'scenario file',
      municipalities: [
        { code: 'U001', name: 'A', population: 10, neighbours: ['U002'] },
        { code: 'U002', name: 'B', population: 20, neighbours: ['U001', 'X9'] },
        { code: 'U004', name: 'D', population: 40, neighbours: [] },
        { code: 'X9', name: 'C', population: 30, neighbours: ['U002'] },
      ],
    });
    expectSymmetric(r.region);
  });

  it('reports unknown neighbour names, duplicate names and bad populations with their paths', () => {
    const problems = problemsOf({
      name: 'Fout',
      municipalities: [
        { name: 'A', population: 0, neighbours: ['B', 'Atlantis'] },
        { name: 'B', population: 12.5 },
        { name: 'A', population: 100 },
        { name: 'C', population: -3, neighbours: ['C'] },
        { name: 'D', population: '500' },
      ],
    });
    expect(problems).toEqual([
      { path: 'municipalities[0].population', expected: 'a positive integer', found: '0' },
      { path: 'municipalities[1].population', expected: 'a positive integer', found: '12.5' },
      {
        path: 'municipalities[2].name',
        expected: 'a name not used before (also at municipalities[0])',
        found: '"A"',
      },
      { path: 'municipalities[3].population', expected: 'a positive integer', found: '-3' },
      { path: 'municipalities[4].population', expected: 'a positive integer', found: '"500"' },
      {
        path: 'municipalities[0].neighbours[1]',
        expected: 'the name of a municipality in this region',
        found: '"Atlantis"',
      },
      {
        path: 'municipalities[3].neighbours[0]',
        expected: 'the name of another municipality (not itself)',
        found: '"C"',
      },
    ]);
  });

  it('checks neighbour names of otherwise valid municipalities', () => {
    expect(
      problemsOf({
        name: 'R',
        municipalities: [
          { name: 'A', population: 1, neighbours: ['B', 'Atlantis'] },
          { name: 'B', population: 2 },
        ],
      }),
    ).toEqual([
      {
        path: 'municipalities[0].neighbours[1]',
        expected: 'the name of a municipality in this region',
        found: '"Atlantis"',
      },
    ]);
  });

  it('needs at least two municipalities', () => {
    expect(problemsOf({ name: 'Solo', municipalities: [{ name: 'A', population: 5 }] })).toEqual([
      { path: 'municipalities', expected: 'at least 2 municipalities', found: 'an array of 1' },
    ]);
    expect(problemsOf({ name: 'Leeg', municipalities: [] })).toEqual([
      { path: 'municipalities', expected: 'at least 2 municipalities', found: 'an array of 0' },
    ]);
  });

  it('reports a missing name, a missing list, duplicate codes and non-objects', () => {
    expect(problemsOf(null)).toEqual([
      { path: '', expected: 'an object with name and municipalities', found: 'null' },
    ]);
    expect(problemsOf({ municipalities: 'A, B' })).toEqual([
      { path: 'name', expected: 'a non-empty string', found: 'nothing' },
      { path: 'municipalities', expected: 'an array of at least 2 municipalities', found: '"A, B"' },
    ]);
    expect(
      problemsOf({
        name: 'Codes',
        municipalities: [
          { name: 'A', population: 1, code: 'U002' },
          { name: 'B', population: 2 },
          'C',
        ],
      }),
    ).toEqual([
      {
        path: 'municipalities[1].code',
        expected: 'a code not used before (also at municipalities[0])',
        found: '"U002"',
      },
      { path: 'municipalities[2]', expected: 'an object with name and population', found: '"C"' },
    ]);
  });
});

describe('regionFromMembers', () => {
  // Names as the 2019 file has them: accents, an apostrophe, two Bergens told apart by province.
  const named: MunicipalityRecord[] = [
    { code: 'GM0001', name: "'s-Gravenhage", population: 500000, neighbours: ['GM0002', 'GM0003'], centroid: [4.3, 52.07], province: 'Zuid-Holland' },
    { code: 'GM0002', name: 'Delft', population: 100000, neighbours: ['GM0001', 'GM0003', 'GM0004'], province: 'Zuid-Holland' },
    { code: 'GM0003', name: 'Súdwest-Fryslân', population: 90000, neighbours: ['GM0001', 'GM0002'] },
    { code: 'GM0004', name: 'Bergen (NH.)', population: 30000, neighbours: ['GM0002'] },
    { code: 'GM0005', name: 'Bergen (L.)', population: 13000, neighbours: [] },
    { code: 'GM0006', name: 'Zoetermeer', population: 125000, neighbours: [] },
  ];
  const data: MunicipalityUniverse = { year: 2019, source: 'test file', records: named, aliases: { 'Den Haag': 'GM0001' } };
  const problems = (members: string[]): RegionProblem[] => {
    const r = regionFromMembers({ members }, data);
    if (r.ok) throw new Error('expected problems, got a region');
    return r.problems;
  };

  it('fills in code, population, province, centroid and the neighbours among the members', () => {
    const r = regionFromMembers({ members: ['Den Haag', 'gm0002', 'sudwest fryslan'] }, data);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.region).toEqual({
      id: 's-gravenhage-delft-sudwest-fryslan',
      name: "'s-Gravenhage, Delft, Súdwest-Fryslân",
      year: 2019,
      source: 'test file; members named in the scenario',
      municipalities: [
        { code: 'GM0001', name: "'s-Gravenhage", population: 500000, neighbours: ['GM0002', 'GM0003'], centroid: [4.3, 52.07], province: 'Zuid-Holland' },
        { code: 'GM0002', name: 'Delft', population: 100000, neighbours: ['GM0001', 'GM0003'], province: 'Zuid-Holland' },
        { code: 'GM0003', name: 'Súdwest-Fryslân', population: 90000, neighbours: ['GM0001', 'GM0002'] },
      ],
    });
  });

  it('keeps an id and name the file gives; a member bordering no other member has no neighbours', () => {
    const r = regionFromMembers({ id: 'west', name: ' West ', members: ['Delft', 'Zoetermeer'] }, data);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect([r.region.id, r.region.name, r.region.municipalities.map((m) => m.neighbours)]).toEqual(['west', 'West', [[], []]]);
  });

  it('reports every misspelt, ambiguous and repeated member at once, with what it may have meant', () => {
    const expected = 'the name or CBS code (GM0000) of a Dutch municipality of 2019 (`regiosim regions netherlands` lists them)';
    expect(problems(['Delf', 'Bergen', 'GM0002', 'GM9999', 'Zoetermeer', 'Gouda'])).toEqual([
      { path: 'members[0]', expected, found: '"Delf" (did you mean Delft?)' },
      { path: 'members[1]', expected, found: '"Bergen" (did you mean Bergen (L.) or Bergen (NH.)?)' },
      { path: 'members[3]', expected, found: '"GM9999"' },
      { path: 'members[5]', expected, found: '"Gouda"' },
    ]);
    expect(problems(['Delft', 'GM0002', 'delft'])).toEqual([
      { path: 'members[1]', expected: 'a municipality not named before in members', found: '"GM0002", which is Delft (GM0002) again, as at members[0]' },
      { path: 'members[2]', expected: 'a municipality not named before in members', found: '"delft", which is Delft (GM0002) again, as at members[0]' },
    ]);
  });

  it('refuses a reference that fits two municipalities rather than guessing', () => {
    const twice: MunicipalityUniverse = { ...data, aliases: { Bergen: 'GM0004', 'bergen!': 'GM0005' } };
    expect(findMunicipality('Bergen', twice)).toEqual({ kind: 'many', records: [named[3], named[4]] });
    expect(findMunicipality('Bergen NH', data)).toEqual({ kind: 'one', record: named[3] });
    // A name that begins another is a hint, never an answer.
    expect(findMunicipality('Bergen', data)).toEqual({ kind: 'none', hints: ['Bergen (L.)', 'Bergen (NH.)'] });
  });

  it('names a region by its first three members and how many more', () => {
    expect(membersRegionName(['A', 'B'])).toBe('A, B');
    expect(membersRegionName(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C +2');
  });
});
