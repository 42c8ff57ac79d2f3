/** The message catalogue: every phrase, measure and event in both languages. */
import { describe, expect, it } from 'vitest';
import { EVENTS } from '../../src/core/events.js';
import { MONTH_MEASURES, MUNICIPALITY_MEASURES, RUN_MEASURES, UNITS } from '../../src/core/measures.js';
import { eventName, MESSAGE_KEYS, MESSAGES, measureInSentence, measureTitle, t } from '../../src/i18n/catalogue.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('message catalogue', () => {
  it('has an English and a Dutch text for every phrase, with the same placeholders', () => {
    expect(MESSAGE_KEYS.length).toBeGreaterThan(150);
    for (const key of MESSAGE_KEYS) {
      const { en, nl } = MESSAGES[key];
      expect(en, key).not.toBe('');
      expect(nl, key).not.toBe('');
      expect(placeholders(nl), key).toEqual(placeholders(en));
    }
  });

  it('fills in placeholders and leaves unknown ones', () => {
    expect(t('chart.forestTitle', 'nl', { reference: 'wgr-plus-abolished' })).toBe('Verschil met wgr-plus-abolished, met 95%-betrouwbaarheidsintervallen');
    expect(t('chart.singleRun', 'en', { seed: 7 })).toBe('One run (seed 7).');
    expect(t('chart.singleRun', 'en')).toBe('One run (seed {seed}).');
  });
});

describe('measures, units and events', () => {
  it('name and define every measure and unit in both languages', () => {
    for (const m of [...MONTH_MEASURES, ...RUN_MEASURES, ...MUNICIPALITY_MEASURES]) {
      for (const lang of ['en', 'nl'] as const) {
        expect(m.name[lang], `${m.level} ${m.id}`).not.toBe('');
        expect(m.definition[lang].length, `${m.level} ${m.id}`).toBeGreaterThan(10);
      }
    }
    for (const [id, u] of Object.entries(UNITS)) expect(u.text.nl, id).not.toBe('');
    expect(measureTitle('run', 'value_per_inhabitant', 'en')).toBe('Gross value per inhabitant (EUR per inhabitant per year)');
    expect(measureTitle('run', 'value_per_inhabitant', 'nl')).toBe('Bruto waarde per inwoner (euro per inwoner per jaar)');
    expect(measureInSentence('run', 'cooperation_stability', 'nl')).toBe('stabiliteit van de samenwerking');
    expect(measureTitle('run', 'no_such_column', 'en')).toBe('no such column');
  });

  it('name every event type in both languages', () => {
    for (const e of EVENTS) {
      expect(eventName(e.type, 'en'), e.type).not.toBe(e.type);
      expect(e.name.nl, e.type).not.toBe('');
      expect(e.definition.nl.length, e.type).toBeGreaterThan(10);
    }
  });
});
