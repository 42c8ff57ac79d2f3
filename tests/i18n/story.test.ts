/** The sentences of a run's story (src/i18n/story.ts): reasons, names and items, in both languages. */
import { describe, expect, it } from 'vitest';
import { listText, reasonText, storyItems, storyNames, whoText, type StoryEvent } from '../../src/i18n/story.js';

const municipalities = [{ code: 'GM0001', name: 'Delft' }, { code: 'GM0002', name: 'Westland' }, { code: 'GM0003', name: 'Rijswijk' }];
const arrangements = [
  { id: 'bc', name: 'Basiscoalitie Haaglanden', kind: 'basiscoalitie', formed: false, domains: ['housing'] },
  { id: 'convenant-1', name: 'Delft housing convenant', kind: 'convenant', formed: true, initiator: 'GM0001', domains: ['housing'] },
];

describe('story sentences', () => {
  it("translate the model's reasons and keep a scenario's own", () => {
    expect(reasonText('new council: too little value', 'en')).toBe('new council: too little value for the money');
    expect(reasonText('new council: too little value', 'nl')).toBe('nieuwe raad: te weinig waarde voor het geld');
    expect(reasonText('austerity: module gives too little value', 'nl')).toBe('bezuiniging: de module levert te weinig op');
    expect(reasonText('key member Delft left', 'nl')).toBe('sleutellid Delft vertrok');
    expect(reasonText('dormant', 'nl')).toBe('slapend, al lang geen besluit');
    expect(reasonText('WGR-plus abolished by law', 'en')).toBe('WGR-plus abolished by law');
  });

  it('list municipalities, and call all of them by their number', () => {
    expect(listText(['Delft', 'Westland', 'Rijswijk'], 'nl')).toBe('Delft, Westland en Rijswijk');
    expect(whoText(['Delft', 'Westland', 'Rijswijk'], 3, 'en')).toBe('all three municipalities');
    expect(whoText(['Delft', 'Westland'], 3, 'en')).toBe('Delft and Westland');
  });

  it('name formed arrangements by kind, domain and initiator, never by their id', () => {
    const nl = storyNames(arrangements, municipalities, 'nl');
    expect(nl.arrangement('convenant-1')).toBe('het convenant voor wonen rond Delft');
    expect(nl.arrangement('bc')).toBe('Basiscoalitie Haaglanden');
    expect(storyNames([{ ...arrangements[0]!, name: 'bc' }], municipalities, 'en').arrangement('bc')).toBe("the scenario's basiscoalitie");
  });

  it('tell an exit with its reason, a return as a return, and an election with what it changed', () => {
    const events: StoryEvent[] = [
      { date: '2018-03', type: 'election', municipalities: ['Delft'], detail: { stance_before: 0.4, stance: 0.6 } },
      { date: '2018-03', type: 'election', municipalities: ['Westland'], detail: { stance_before: 0.5, stance: 0.45 } },
      { date: '2018-03', type: 'election', municipalities: ['Rijswijk'], detail: { stance_before: 0.6, stance: 0.3 } },
      { date: '2018-03', type: 'agenda-revisit', municipalities: ['Delft', 'Westland'], arrangement: 'bc', detail: { dropped: 1, remaining: 0 } },
      { date: '2018-03', type: 'exit', municipalities: ['Westland'], arrangement: 'bc', detail: { kind: 'basiscoalitie', reason: 'new council: too little value' } },
      { date: '2018-04', type: 'decision', municipalities: ['Delft'], arrangement: 'bc' },
      { date: '2020-01', type: 'join', municipalities: ['Westland'], arrangement: 'bc', detail: { kind: 'basiscoalitie' } },
    ];
    const items = storyItems(events, storyNames(arrangements, municipalities, 'en'));
    expect(items.map((i) => [i.date, i.type, i.text])).toEqual([
      ['2018-03', 'election', 'Council elections in all three municipalities: more in favour of regional cooperation: Delft; less in favour: Rijswijk; the mean stance went from 0.50 to 0.45 (0 to 1); new councils took one item off the agendas'],
      ['2018-03', 'exit', 'Westland leaves Basiscoalitie Haaglanden: new council: too little value for the money'],
      ['2020-01', 'join', 'Westland joins Basiscoalitie Haaglanden again'],
    ]);
    expect(items[1]!.short).toBe('Westland leaves Basiscoalitie Haaglanden');
    const nl = storyItems(events, storyNames(arrangements, municipalities, 'nl'));
    expect(nl[1]!.text).toBe('Westland verlaat Basiscoalitie Haaglanden: nieuwe raad: te weinig waarde voor het geld');
  });
});
