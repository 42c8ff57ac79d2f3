/**
 * The event registry: every kind of event the model records (events.jsonl), defined once with
 * whether a batch counts it per month (events-counts.csv), its name and its definition in
 * English and Dutch. Pure data.
 */
import type { Bi } from './measures.js';

export interface EventSpec {
  readonly type: string;
  /**
   * Counted per month in a batch's events-counts.csv: the structural and political events. The
   * frequent ones (turnover, decisions, completions, ...) are monthly measures of the time series.
   */
  readonly batch: boolean;
  readonly name: Bi;
  readonly definition: Bi;
}

const e = <const T extends string>(type: T, batch: boolean, en: string, nl: string, defEn: string, defNl: string): EventSpec & { type: T } => ({
  type, batch, name: { en, nl }, definition: { en: defEn, nl: defNl },
});

export const EVENTS = [
  e('scenario', true, 'Scenario event', 'Scenariogebeurtenis',
    'A scenario event took effect (detail.event: start-arrangement, end-arrangement, change-arrangement, task-rate, austerity).',
    'Een gebeurtenis uit het scenario gaat in (detail.event: start-arrangement, end-arrangement, change-arrangement, task-rate, austerity).'),
  e('election', true, 'Council election', 'Raadsverkiezing',
    'A council election in a municipality (detail: stance before and after, value-for-money of the last term).',
    'Een gemeenteraadsverkiezing in een gemeente (detail: houding voor en na, waar voor het geld in de vorige periode).'),
  e('secretary-turnover', false, 'Secretary leaves', 'Secretaris vertrekt',
    'The gemeentesecretaris left (detail.memory: share of the loss a secretariat held).',
    'De gemeentesecretaris vertrekt (detail.memory: deel van het verlies dat een secretariaat opving).'),
  e('civil-servant-turnover', false, 'Civil servant leaves', 'Ambtenaar vertrekt',
    'Civil servants in regional work left (detail: departures, staff).',
    'Ambtenaren in regionaal werk vertrekken (detail: vertrokken, formatie).'),
  e('agenda-revisit', true, 'Agenda revisited', 'Agenda herzien',
    'New councils took items off a table\'s agenda (detail: dropped, remaining).',
    'Nieuwe raden halen punten van de agenda van een tafel (detail: geschrapt, over).'),
  e('join', true, 'Join', 'Toetreding',
    'A municipality joined an arrangement (or a module: domain).',
    'Een gemeente treedt toe tot een samenwerkingsverband (of een module: domein).'),
  e('exit', true, 'Exit', 'Uittreding',
    'A municipality left an arrangement or module (detail.reason).',
    'Een gemeente treedt uit een samenwerkingsverband of module (detail.reason).'),
  e('dissolution', true, 'Dissolution', 'Opheffing',
    'An arrangement ended (detail.reason).',
    'Een samenwerkingsverband houdt op te bestaan (detail.reason).'),
  e('formation', true, 'New arrangement', 'Nieuw samenwerkingsverband',
    'Municipalities formed a new arrangement, or extended one with a domain (detail.kind, initiator).',
    'Gemeenten richten een nieuw samenwerkingsverband op, of breiden er een uit met een domein (detail.kind, initiatiefnemer).'),
  e('austerity-choice', true, 'Austerity choice', 'Keuze bij bezuiniging',
    'Under a staff cut a municipality chose what to cut first (detail.cut: regional work first or own apparatus first; value_for_money of cooperation this term).',
    'Bij een personeelskorting kiest een gemeente wat ze eerst schrapt (detail.cut: eerst regionaal werk of eerst het eigen apparaat; value_for_money: waar voor het geld van samenwerking deze periode).'),
  e('decision', false, 'Decision', 'Besluit',
    'A task was taken on by a table or an ad hoc coalition (municipalities: participants; detail: rule, support).',
    'Een tafel of een losse coalitie neemt een opgave op zich (municipalities: deelnemers; detail: regel, steun).'),
  e('mandje', false, 'Package deal (mandje)', 'Mandje',
    'A package deal of two blocked or pending tasks in different domains (detail: tasks, domains).',
    'Een pakketafspraak over twee geblokkeerde of wachtende opgaven in verschillende domeinen (detail: opgaven, domeinen).'),
  e('forced-vote', false, 'Forced by majority', 'Meerderheidsbesluit',
    'A task passed by binding majority over objections (detail.outvoted).',
    'Een opgave is met een bindende meerderheid tegen bezwaar in aangenomen (detail.outvoted).'),
  e('deadlock', false, 'Deadlock', 'Impasse',
    'A task blocked at a table lapsed.',
    'Een opgave die aan een tafel geblokkeerd was, is verlopen.'),
  e('lapse', false, 'Task lapsed', 'Opgave blijft liggen',
    'A task lapsed without being taken up.',
    'Een opgave verloopt zonder te zijn opgepakt.'),
  e('completed', false, 'Task completed', 'Opgave voltooid',
    'A project finished successfully (detail: delivered share, value realised).',
    'Een project is met succes afgerond (detail: geleverd aandeel, gerealiseerde waarde).'),
  e('failed', false, 'Task failed', 'Opgave mislukt',
    'A task was rejected in ad hoc negotiation or a project failed (detail).',
    'Een opgave is in losse onderhandelingen afgewezen of een project is mislukt (detail).'),
] as const;

export type EventType = (typeof EVENTS)[number]['type'];
export const EVENT_TYPES: readonly EventType[] = EVENTS.map((x) => x.type);
export const EVENT_INDEX = Object.fromEntries(EVENT_TYPES.map((t, i) => [t, i])) as Readonly<Record<EventType, number>>;

export function eventSpec(type: string): EventSpec | undefined {
  return EVENTS.find((x) => x.type === type);
}
