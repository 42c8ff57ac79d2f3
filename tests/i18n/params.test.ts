import { describe, expect, it } from 'vitest';
import { PARAM_NAMES } from '../../src/core/params.js';
import { paramText } from '../../src/i18n/params.js';

describe('paramText', () => {
  it('gives a named parameter\'s meaning and unit in each language', () => {
    expect(paramText('shareHousing', 'en')).toEqual({ meaning: 'Share of tasks in housing (wonen).', unit: 'share' });
    expect(paramText('shareHousing', 'nl')).toEqual({ meaning: 'Aandeel van de opgaven op het terrein wonen.', unit: 'aandeel' });
    expect(paramText('taskBudgetMedian', 'nl').unit).toBe('mln euro');
  });
  it('names a kind parameter\'s kind in Dutch, not by its identifier', () => {
    expect(paramText('kind.network.coordination', 'nl')).toEqual({
      meaning: 'Netwerk: Coördinatiekwaliteit van de projecten die via deze tafel lopen (vermenigvuldigt hun succes).',
      unit: 'index van 0 tot 1',
    });
    expect(paramText('kind.wgr-plus.exitCostMonths', 'nl').meaning).toMatch(/^WGR-plusregio: Kosten van uittreden/);
    expect(paramText('kind.network.coordination', 'en').meaning).toMatch(/^network: Coordination quality/);
  });
  it('differs between the languages for every parameter', () => {
    for (const name of PARAM_NAMES) expect(paramText(name, 'nl').meaning, name).not.toBe(paramText(name, 'en').meaning);
  });
});
