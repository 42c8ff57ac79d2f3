import { describe, expect, it } from 'vitest';
import { STANDARD_SCENARIOS } from '../../../src/api/start.js';
import { domainsWithTable, scenarioDifferences } from '../../../src/core/scenario/diff.js';
import { loadScenario } from '../../../src/io/scenario.js';

const load = (name: string) => loadScenario(name).scenario;

describe('scenario differences', () => {
  it('the standard comparison\'s scenarios agree in every setting: region, horizon, spin-up, window, parameters, external events', () => {
    const all = STANDARD_SCENARIOS.map(load);
    for (const a of all) {
      for (const b of all) {
        const settings = scenarioDifferences(a, b).filter((d) => d.kind === 'setting');
        expect(settings, `${a.name} vs ${b.name}`).toEqual([]);
      }
    }
  });

  it('the three structures compared with the abolition have a table for the same domains, all through the window', () => {
    const withStructure = ['wgr-plus-continues', 'basiscoalitie', 'modular-gr'].map(load);
    const months = new Set<number>();
    for (const s of withStructure) {
      months.add(s.evaluation.from);
      for (const e of s.events) if (e.at >= s.evaluation.from && e.at <= s.evaluation.to) months.add(e.at);
    }
    for (const t of months) {
      const scopes = withStructure.map((s) => domainsWithTable(s, t));
      for (const scope of scopes) expect(scope).toEqual(['housing', 'transport', 'economy', 'social', 'operations']);
    }
    for (const a of withStructure) for (const b of withStructure) expect(scenarioDifferences(a, b).filter((d) => d.kind === 'scope'), `${a.name} vs ${b.name}`).toEqual([]);
    // What happened: a table for transport only. The absence of a structure for the rest is the structure under study.
    expect(domainsWithTable(load('wgr-plus-abolished'), load('wgr-plus-abolished').evaluation.from)).toEqual(['transport']);
  });

  it('each standard scenario differs from its reference in structure (and so scope) only', () => {
    for (const name of [...STANDARD_SCENARIOS, 'wgr-plus-continues-core', 'basiscoalitie-core', 'rivierenland-basiscoalitie']) {
      const loaded = loadScenario(name);
      if (loaded.reference === null) continue;
      const diffs = scenarioDifferences(loaded.scenario, loadScenario(loaded.reference).scenario);
      expect(diffs.length, name).toBeGreaterThan(0);
      expect(diffs.filter((d) => d.kind === 'setting'), name).toEqual([]);
    }
  });

  it('the decomposition separates scope from kind: the core variants differ from their full-scope twins in scope, and from each other in kind', () => {
    const scopeOf = (name: string) => scenarioDifferences(load(name), load(name === 'wgr-plus-continues-core' ? 'wgr-plus-continues' : 'basiscoalitie')).filter((d) => d.kind === 'scope');
    expect(scopeOf('wgr-plus-continues-core')).toEqual([{ kind: 'scope', what: 'domains with a table from 2015-01', here: 'housing, transport, economy', there: 'housing, transport, economy, social, operations' }]);
    expect(scopeOf('basiscoalitie-core')).toEqual([{ kind: 'scope', what: 'domains with a table from 2015-01', here: 'housing, transport, economy', there: 'housing, transport, economy, social, operations' }]);
    const kind = scenarioDifferences(load('basiscoalitie-core'), load('wgr-plus-continues-core'));
    expect(kind.filter((d) => d.kind !== 'structure')).toEqual([]);
  });

  it('names a parameter, the horizon and an external event that differ as settings', () => {
    const a = loadScenario('basiscoalitie', { altruism: 0.7 }).scenario;
    const b = load('basiscoalitie');
    expect(scenarioDifferences(a, b)).toEqual([{ kind: 'setting', what: 'parameter altruism', here: '0.7', there: '0.5' }]);
    const late = { ...b, start: b.start + 12, events: b.events.filter((e) => e.type !== 'austerity') };
    expect(scenarioDifferences(late, b).map((d) => [d.kind, d.what, d.here, d.there])).toEqual([
      ['setting', 'horizon', '2007-01 to 2030-12', '2006-01 to 2030-12'],
      ['setting', 'event', 'none', '2011-01 austerity x0.95'],
      ['setting', 'event', 'none', '2013-01 austerity x0.95'],
    ]);
    expect(scenarioDifferences(b, b)).toEqual([]);
  });
});

describe('scenario differences: arrangements started by an event', () => {
  it('name the properties and modules an arrangement sets itself', () => {
    const b = load('basiscoalitie');
    const changed = {
      ...b,
      events: b.events.map((e) => (e.type === 'start-arrangement' && e.arrangement.kind === 'basiscoalitie' ? { ...e, arrangement: { ...e.arrangement, props: { ...e.arrangement.props, coordination: 0.99 } } } : e)),
    };
    const d = scenarioDifferences(changed, b);
    expect(d.filter((x) => x.kind === 'structure').map((x) => x.here)).toEqual([expect.stringMatching(/start basiscoalitie-haaglanden: .*, properties coordination 0\.99$/), 'none']);
  });
});
