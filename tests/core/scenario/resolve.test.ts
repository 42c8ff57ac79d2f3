/**
 * Scenario resolution refuses what it would otherwise have to guess: a member reference that
 * fits two municipalities, contradictory events, a horizon or a run too long. Runs on files
 * that passed the schema and on the part of a file that did (a salvaged file).
 */
import { describe, expect, it } from 'vitest';
import { resolveScenario, type Problem } from '../../../src/core/scenario/resolve.js';
import { scenarioSchema, YEAR_MONTH } from '../../../src/core/scenario/schema.js';
import { MAX_MONTHS, MAX_YEAR, MIN_YEAR } from '../../../src/core/scenario/limits.js';
import { salvage } from '../../../src/io/zod-problems.js';

const REGION = {
  name: 'Test',
  municipalities: [
    { name: 'Alpha', code: 'GM1', population: 10000 },
    // Named like another municipality's code: references to "GM1" are ambiguous.
    { name: 'GM1', code: 'GM2', population: 20000 },
    { name: 'Gamma', code: 'GM3', population: 30000 },
    { name: 'Delta', code: 'GM4', population: 40000 },
  ],
};

function resolve(extra: Record<string, unknown>, options: Parameters<typeof resolveScenario>[4] = {}): { ok: boolean; problems: Problem[] } {
  const file = scenarioSchema.parse({ name: 't', region: REGION, start: '2015-01', end: '2020-12', ...extra });
  const r = resolveScenario(file, () => undefined, [], {}, options);
  return { ok: r.ok, problems: r.ok ? [] : r.problems };
}

const arrangement = (members: unknown, id = 'a') => ({ id, kind: 'gr', members, domains: ['housing'] });

describe('member references', () => {
  it('refuses a reference that is the name of one municipality and the code of another, naming both', () => {
    const r = resolve({ arrangements: [arrangement(['GM1', 'Gamma'])] });
    expect(r.problems).toEqual([
      {
        path: 'arrangements[0].members[0]',
        expected: 'a reference to one municipality (write its code, or its name exactly)',
        found: '"GM1", which is the code of Alpha and the name of GM1 (code GM2)',
      },
    ]);
  });

  it('takes an unambiguous code or name, and a name in another case', () => {
    expect(resolve({ arrangements: [arrangement(['GM2', 'gamma', 'Alpha'])] }).ok).toBe(true);
  });

  it('refuses a reference in another case that fits two names', () => {
    const region = { name: 'Case', municipalities: [{ name: 'Ede', population: 1000 }, { name: 'EDE', population: 2000 }, { name: 'Epe', population: 3000 }] };
    const file = scenarioSchema.parse({ name: 't', region, start: '2015-01', end: '2016-12', arrangements: [arrangement(['ede', 'Epe'])] });
    const r = resolveScenario(file, () => undefined, []);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]!.found).toBe('"ede", which is Ede (code U001) in another case and EDE (code U002) in another case');
  });
});

describe('contradictory events', () => {
  const base = { arrangements: [arrangement('all', 'table')] };

  it('refuses ending an arrangement twice, and changing one that has ended', () => {
    const r = resolve({
      ...base,
      events: [
        { date: '2016-01', type: 'end-arrangement', arrangement: 'table' },
        { date: '2017-01', type: 'change-arrangement', arrangement: 'table', properties: { binding: 0.5 } },
        { date: '2018-01', type: 'end-arrangement', arrangement: 'table' },
      ],
    });
    expect(r.problems).toEqual([
      { path: 'events[1].arrangement', expected: 'an arrangement that is active on 2017-01', found: '"table", which events[0] already ended on 2016-01' },
      { path: 'events[2].arrangement', expected: 'an arrangement that is active on 2018-01', found: '"table", which events[0] already ended on 2016-01' },
    ]);
  });

  it('judges by date, not by the order in the file', () => {
    const r = resolve({
      ...base,
      events: [
        { date: '2018-01', type: 'end-arrangement', arrangement: 'table' },
        { date: '2016-01', type: 'end-arrangement', arrangement: 'table' },
      ],
    });
    expect(r.problems).toEqual([{ path: 'events[0].arrangement', expected: 'an arrangement that is active on 2018-01', found: '"table", which events[1] already ended on 2016-01' }]);
  });

  it('refuses ending an arrangement before a start event brings it', () => {
    const r = resolve({
      events: [
        { date: '2016-01', type: 'end-arrangement', arrangement: 'later' },
        { date: '2017-01', type: 'start-arrangement', arrangement: arrangement('all', 'later') },
      ],
    });
    expect(r.problems).toEqual([{ path: 'events[0].arrangement', expected: 'the id of an arrangement defined before 2016-01 (none)', found: '"later"' }]);
  });

  it('refuses two task rates for one domain in one month, and two values for one property', () => {
    const r = resolve({
      ...base,
      events: [
        { date: '2016-01', type: 'task-rate', domain: 'social', multiplier: 2 },
        { date: '2016-01', type: 'task-rate', domain: 'social', multiplier: 3 },
        { date: '2016-01', type: 'task-rate', domain: 'housing', multiplier: 3 },
        { date: '2017-01', type: 'change-arrangement', arrangement: 'table', properties: { binding: 0.5, coordination: 0.4 } },
        { date: '2017-01', type: 'change-arrangement', arrangement: 'table', properties: { binding: 0.7 }, funding: { housing: 3 } },
      ],
    });
    expect(r.problems).toEqual([
      { path: 'events[1].multiplier', expected: 'one task rate for social on 2016-01', found: '3, while events[0] sets it to 2 on the same date' },
      { path: 'events[4].properties.binding', expected: 'one value for properties.binding of table on 2017-01', found: '0.7, while events[3] sets it to 0.5 on the same date' },
    ]);
  });

  it('accepts what is not a contradiction: the same value twice, changes in different months, an end after changes', () => {
    const r = resolve({
      ...base,
      events: [
        { date: '2016-01', type: 'task-rate', domain: 'social', multiplier: 2 },
        { date: '2016-01', type: 'task-rate', domain: 'social', multiplier: 2 },
        { date: '2016-06', type: 'change-arrangement', arrangement: 'table', properties: { binding: 0.5 } },
        { date: '2017-01', type: 'change-arrangement', arrangement: 'table', properties: { binding: 0.7 } },
        { date: '2018-01', type: 'end-arrangement', arrangement: 'table' },
      ],
    });
    expect(r).toEqual({ ok: true, problems: [] });
  });

  it('does not report references to arrangements the schema already refused', () => {
    const r = resolve({ events: [{ date: '2016-01', type: 'end-arrangement', arrangement: 'broken' }] }, { uncheckedIds: new Set(['broken']) });
    expect(r.problems).toEqual([]);
  });
});

describe('bounds', () => {
  it('refuses a horizon longer than 100 years', () => {
    const r = resolve({ start: '1950-01', end: '2060-12' });
    expect(r.problems).toEqual([{ path: 'end', expected: `a month at most 100 years after start (${MAX_MONTHS} months: 1950-01 to 2049-12)`, found: '"2060-12" (1332 months)' }]);
  });

  it('refuses dates outside the years the schema names (the pattern and the constants agree)', () => {
    expect(YEAR_MONTH.test(`${MIN_YEAR}-01`)).toBe(true);
    expect(YEAR_MONTH.test(`${MAX_YEAR}-12`)).toBe(true);
    expect(YEAR_MONTH.test(`${MIN_YEAR - 1}-12`)).toBe(false);
    expect(YEAR_MONTH.test(`${MAX_YEAR + 1}-01`)).toBe(false);
    for (let y = MIN_YEAR; y <= MAX_YEAR; y += 7) expect(YEAR_MONTH.test(`${y}-06`)).toBe(true);
  });

  it('refuses a run that would take too long, with the reason, before it starts', () => {
    const municipalities = Array.from({ length: 500 }, (_, i) => ({ name: `M${i}`, population: 10000 }));
    const file = scenarioSchema.parse({
      name: 'big', region: { name: 'Big', municipalities }, start: '2000-01', end: '2099-12',
      parameters: { taskRatePerMunicipality: 0.5 },
      events: [{ date: '2000-01', type: 'task-rate', domain: 'housing', multiplier: 20 }],
    });
    const r = resolveScenario(file, () => undefined, []);
    expect(r.ok).toBe(false);
    const p = !r.ok ? r.problems : [];
    expect(p).toHaveLength(1);
    expect(p[0]!.path).toBe('end');
    expect(p[0]!.expected).toBe('a run of at most 1.0 billion work units (about a minute and a half of one core): a shorter horizon or spin-up, fewer municipalities or lower task rates');
    // The spin-up is simulated too and counts.
    expect(p[0]!.found).toMatch(/^\d+\.\d billion units: 1392 months \(192 of them spin-up\), 500 municipalities, about 1438 tasks a month and \d+ trust snapshots$/);
  });
});

describe('the part of a file that passed the schema', () => {
  it('is checked as far as it goes, and never resolves to a scenario', () => {
    const raw = {
      name: 'BAD NAME', region: REGION, start: '2015-01', end: '2016-12',
      parameters: { altruism: 5, trustDrift: 'high' },
      arrangements: [{ ...arrangement(['Nowhere', 'Gamma']), kind: 'gr' }, { id: 'x', kind: 'nope', members: 'all', domains: ['housing'] }],
      events: [{ date: '2016-01', type: 'end-arrangement', arrangement: 'a' }, { date: '2016-01', type: 'end-arrangement', arrangement: 'a' }],
    };
    expect(scenarioSchema.safeParse(raw).success).toBe(false);
    const usable = salvage(scenarioSchema, raw)!;
    expect(usable.name).toBeUndefined();
    expect(usable.arrangements![1]).toBeNull();
    expect(usable.parameters).toEqual({ altruism: 5 });
    const r = resolveScenario(usable, () => undefined, []);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.path)).toEqual(['parameters.altruism', 'arrangements[0].members[0]', 'events[1].arrangement']);
  });
});

describe('a region named by its members', () => {
  const records = [
    { code: 'GM0001', name: 'Noord', population: 1000, neighbours: ['GM0002'] },
    { code: 'GM0002', name: 'Zuid', population: 2000, neighbours: ['GM0001', 'GM0003'] },
    { code: 'GM0003', name: 'Oost', population: 3000, neighbours: ['GM0002'] },
  ];
  const file = scenarioSchema.parse({ name: 't', region: { members: ['Noord', 'gm0002'] }, start: '2015-01', end: '2016-12', arrangements: [arrangement(['Noord', 'Zuidd'])] });

  it('is built from the municipalities passed in, and its members are checked like any region', () => {
    let calls = 0;
    const universe = (): { year: number; source: string; records: typeof records } => {
      calls += 1;
      return { year: 2019, source: 'test', records };
    };
    const r = resolveScenario(file, () => undefined, [], {}, { municipalities: universe });
    expect(r.ok ? [] : r.problems).toEqual([{ path: 'arrangements[0].members[1]', expected: 'a municipality of region Noord, Zuid', found: '"Zuidd" (did you mean Zuid?)' }]);
    expect(calls).toBe(1);
    const good = resolveScenario({ ...file, arrangements: [] }, () => undefined, [], {}, { municipalities: universe });
    expect(good.ok && good.scenario.region.municipalities.map((m) => [m.code, m.population, m.neighbours])).toEqual([['GM0001', 1000, ['GM0002']], ['GM0002', 2000, ['GM0001']]]);
    // A built-in region does not read the municipalities.
    resolveScenario({ ...file, region: 'x', arrangements: [] }, () => undefined, [], {}, { municipalities: universe });
    expect(calls).toBe(2);
  });

  it('is refused where no municipalities are passed in', () => {
    const r = resolveScenario({ ...file, arrangements: [] }, () => undefined, [], {});
    expect(r.ok ? [] : r.problems).toEqual([{ path: 'region', expected: 'a built-in region id or a region written out (no municipality data to look members up in)', found: 'a region named by its members' }]);
  });
});
