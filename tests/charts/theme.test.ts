/** Palette, fixed scenario colours and themes. */
import { describe, expect, it } from 'vitest';
import { firstPoints, jitter, markersOf, yearFraction } from '../../src/charts/common.js';
import { scenarioCalendar } from '../../src/core/calendar.js';
import { loadScenario } from '../../src/io/scenario.js';
import { FIXED_SCENARIO_COLOURS, OKABE_ITO, scenarioColours, THEME_SIZES, vegaLiteConfig } from '../../src/charts/theme.js';

const PALETTE = new Set<string>(Object.values(OKABE_ITO));

describe('scenario colours', () => {
  it('gives the four Haaglanden scenarios fixed Okabe-Ito colours, whatever the order or company', () => {
    const a = scenarioColours(['wgr-plus-continues', 'wgr-plus-abolished', 'basiscoalitie', 'modular-gr']);
    expect(a.range).toEqual(['#0072B2', '#D55E00', '#009E73', '#E69F00']);
    const b = scenarioColours(['modular-gr', 'my-own', 'wgr-plus-abolished']);
    expect(b).toEqual({ domain: ['modular-gr', 'my-own', 'wgr-plus-abolished'], range: ['#E69F00', '#56B4E9', '#D55E00'] });
  });

  it('hands out spare colours to unknown scenarios in order, never one a fixed scenario of the set uses', () => {
    const c = scenarioColours(['x', 'y', 'z', 'basiscoalitie']);
    expect(c.range).toEqual(['#56B4E9', '#CC79A7', '#000000', '#009E73']);
    expect(new Set(c.range).size).toBe(4);
  });

  it('only uses the palette for up to eight scenarios, and drops duplicates', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const s = scenarioColours([...names, 'a']);
    expect(s.domain).toEqual(names);
    for (const c of s.range) expect(PALETTE.has(c)).toBe(true);
    for (const c of Object.values(FIXED_SCENARIO_COLOURS)) expect(PALETTE.has(c)).toBe(true);
  });
});

describe('themes', () => {
  it('slides have larger type and a larger canvas than default', () => {
    const d = THEME_SIZES.default;
    const s = THEME_SIZES.slides;
    for (const key of ['title', 'subtitle', 'label', 'axisTitle', 'annotation', 'width', 'height'] as const) expect(s[key]).toBeGreaterThan(d[key]);
    expect(s.label).toBeGreaterThanOrEqual(18);
  });

  it('asks for DejaVu Sans everywhere, and writes Dutch numbers with a decimal comma', () => {
    const en = vegaLiteConfig('default', 'en');
    expect(en['font']).toBe('DejaVu Sans');
    expect(en['locale']).toBeUndefined();
    const nl = vegaLiteConfig('slides', 'nl') as { locale: { number: { decimal: string; thousands: string } }; axis: { labelFontSize: number } };
    expect(nl.locale.number).toMatchObject({ decimal: ',', thousands: '.' });
    expect(nl.axis.labelFontSize).toBe(20);
  });
});

describe('calendar and helpers', () => {
  it('places months as fractional years', () => {
    expect(yearFraction('2015-01')).toBe(2015);
    expect(yearFraction('2018-03')).toBeCloseTo(2018 + 2 / 12, 12);
    expect(yearFraction('bad')).toBeNaN();
  });

  it('marks what the scenarios\' calendars hold: their elections, and the abolition of a city region only where one ends', () => {
    const elections2017 = scenarioCalendar(loadScenario('basiscoalitie', { electionFirstYear: 2017 }).scenario);
    expect(elections2017.elections).toEqual(['2009-03', '2013-03', '2017-03', '2021-03', '2025-03', '2029-03']);
    const haaglanden = markersOf([scenarioCalendar(loadScenario('basiscoalitie').scenario)], 'en');
    expect(haaglanden.elections).toEqual(['2006-03', '2010-03', '2014-03', '2018-03', '2022-03', '2026-03', '2030-03']);
    expect(haaglanden.structure).toEqual([{ date: '2015-01', text: 'WGR-plus abolished' }]);
    expect(haaglanden.cycle).toBe(4);
    const rivierenland = markersOf([scenarioCalendar(loadScenario('rivierenland-basiscoalitie').scenario), scenarioCalendar(loadScenario('rivierenland-none').scenario)], 'nl');
    // The basiscoalitie starts by an event in the first reported month (after the spin-up).
    expect(rivierenland.structure).toEqual([{ date: '2015-01', text: 'Basiscoalitie' }]);
    const own = markersOf([scenarioCalendar(loadScenario('examples/own-region').scenario)], 'en');
    expect(own.structure).toEqual([{ date: '2019-01', text: 'Shared services' }]);
  });

  it('keeps the first parameter point of each scenario and says when there was a sweep', () => {
    const rows = [{ scenario: 'a', point: 3 }, { scenario: 'a', point: 1 }, { scenario: 'b', point: 2 }];
    const p = firstPoints(rows);
    expect(rows.filter(p.keep)).toEqual([{ scenario: 'a', point: 1 }, { scenario: 'b', point: 2 }]);
    expect(p.sweep).toBe(true);
    expect(firstPoints([{ scenario: 'a', point: 0 }]).sweep).toBe(false);
  });

  it('jitters deterministically within [-1, 1]', () => {
    const xs = Array.from({ length: 200 }, (_, i) => jitter(i));
    expect(jitter(5)).toBe(xs[5]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...xs)).toBeLessThanOrEqual(1);
    expect(new Set(xs).size).toBe(200);
  });
});
