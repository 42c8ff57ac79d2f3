import { describe, expect, it } from 'vitest';
import type { ModelEvent } from '../../src/core/results.js';
import { reasonText, tickerLines } from '../../src/playground/ticker.js';

const names = new Map([['basis', 'basiscoalitie Haaglanden']]);
const election = (m: string, before: number, after: number): ModelEvent => ({ date: '2018-03', type: 'election', municipalities: [m], detail: { stance_before: before, stance: after, value_for_money: 0.8 } });
const exit = (m: string, reason: string): ModelEvent => ({ date: '2018-03', type: 'exit', municipalities: [m], arrangement: 'basis', detail: { kind: 'basiscoalitie', reason } });

describe('the event ticker', () => {
  it('tells an exit by a new council together with its election, in English and Dutch', () => {
    const events = [election('Westland', 0.5, 0.52), election('Delft', 0.5, 0.7), exit('Westland', 'new council: too little value')];
    expect(tickerLines(events, names, 'en')).toEqual([
      'March 2018: new council in Westland, which leaves basiscoalitie Haaglanden: too little value',
      'March 2018: new council in Delft, warmer toward cooperation',
    ]);
    expect(tickerLines(events, names, 'nl')).toEqual([
      'maart 2018: nieuwe gemeenteraad in Westland, die uittreedt uit basiscoalitie Haaglanden: te weinig waarde',
      'maart 2018: nieuwe gemeenteraad in Delft, positiever over samenwerking',
    ]);
  });

  it('words the model\'s reasons in plain Dutch, and keeps a reason from a scenario file as written', () => {
    expect(reasonText('budget review: too little value', 'nl')).toBe('na een heroverweging van de begroting, te weinig waarde');
    expect(reasonText('key member Den Haag left', 'nl')).toBe('een sleutellid (Den Haag) vertrok');
    expect(reasonText('dormant', 'en')).toBe('nothing decided for too long');
    expect(reasonText('WGR-plus abolished by law', 'nl')).toBe('WGR-plus abolished by law');
  });

  it('lists the municipalities of a new arrangement and leaves the daily work out', () => {
    const events: ModelEvent[] = [
      { date: '2020-11', type: 'formation', municipalities: ['Delft', 'Rijswijk', 'Westland'], arrangement: 'basis', detail: { kind: 'convenant', initiator: 'Delft' } },
      { date: '2020-11', type: 'decision', municipalities: ['Delft', 'Rijswijk'], arrangement: 'basis', detail: { rule: 'consensus', support: 1 } },
      { date: '2020-11', type: 'forced-vote', municipalities: ['Delft'], arrangement: 'basis', detail: { outvoted: 1 } },
      { date: '2020-11', type: 'secretary-turnover', municipalities: ['Rijswijk'], detail: { memory: 0.3 } },
    ];
    expect(tickerLines(events, names, 'en')).toEqual([
      'November 2020: Delft, Rijswijk and Westland start a new arrangement, basiscoalitie Haaglanden',
      'November 2020: the secretary of Rijswijk leaves',
    ]);
  });
});

describe('the playground\'s messages', () => {
  it('name every arrangement kind and parameter group in both languages', async () => {
    const { ARRANGEMENT_KINDS } = await import('../../src/core/entities/arrangement.js');
    const { PARAM_GROUPS } = await import('../../src/core/params.js');
    const { MESSAGES } = await import('../../src/i18n/index.js');
    const keys = [...ARRANGEMENT_KINDS.map((k) => `playground.kindName.${k}`), ...PARAM_GROUPS.map((g) => `playground.group.${g}`)];
    expect(keys.filter((k) => !(k in MESSAGES))).toEqual([]);
  });
});
