/**
 * The measure registry: every output measure of the model, defined once.
 *
 * A measure has an id (its column name), a level (a value per month of a run, per run, or per
 * municipality and run), a unit, a direction (whether more is better), whether it is an input
 * read back rather than an outcome of the mechanisms, its rank in the headline set, and its name
 * and one-line definition in English and Dutch. Everything else derives from this list: the
 * columns of timeseries.csv, runs.csv and municipalities.csv and their order, the per-run
 * outcomes, the labels and definitions on charts and in summaries, the comparisons' notion of
 * "better", the headline set, and the column tables of the README and docs/formats.md.
 *
 * To add a measure: add its entry here and compute it in the submodel that knows it
 * (src/core/observation.ts for monthly and per-run measures). A run measure with `from` is the
 * mean, sum or last value of a monthly measure over the evaluation window and needs no code.
 *
 * Pure data: no Node imports.
 */
import { DOMAINS, type Domain } from './domains.js';

/** Text in both languages of the project. */
export interface Bi {
  readonly en: string;
  readonly nl: string;
}

/** How a unit's values behave: shares and 0-1 indices are bounded to [0, 1]; shares are shown as percentages. */
export type UnitKind = 'share' | 'index' | 'count' | 'money' | 'ratio' | 'flag';

/** A unit: its kind, its text, and for shares the text of its percent axis ("% of pairs"). */
export interface Unit {
  readonly kind: UnitKind;
  readonly text: Bi;
  readonly percent?: Bi;
}
const unit = (kind: UnitKind, en: string, nl: string): Unit => ({ kind, text: { en, nl } });
const share = (en: string, nl: string, percentEn: string, percentNl: string): Unit => ({ kind: 'share', text: { en, nl }, percent: { en: percentEn, nl: percentNl } });

export const UNITS = {
  months: unit('count', 'months', 'maanden'),
  flag: unit('flag', '0 or 1', '0 of 1'),
  arrangements: unit('count', 'arrangements', 'samenwerkingsverbanden'),
  memberships: unit('count', 'memberships', 'lidmaatschappen'),
  members: unit('count', 'members', 'leden'),
  engagements: unit('count', 'memberships and projects per municipality', 'lidmaatschappen en projecten per gemeente'),
  share_municipalities: share('share of municipalities', 'aandeel gemeenten', '% of municipalities', '% van de gemeenten'),
  share_pairs: share('share of pairs', 'aandeel paren', '% of pairs', '% van de paren'),
  share_tasks: share('share of tasks', 'aandeel opgaven', '% of tasks', '% van de opgaven'),
  share_fte: share('share of FTE', 'aandeel fte', '% of FTE', '% van de fte'),
  share_spending: share('share of spending', 'aandeel uitgaven', '% of spending', '% van de uitgaven'),
  share_exits: share('share of exits', 'aandeel uittredingen', '% of exits', '% van de uittredingen'),
  share_per_year: share('share per year', 'aandeel per jaar', '% per year', '% per jaar'),
  tasks: unit('count', 'tasks', 'opgaven'),
  projects: unit('count', 'projects', 'projecten'),
  decisions: unit('count', 'decisions', 'besluiten'),
  package_deals: unit('count', 'package deals', 'mandjes'),
  meur: unit('money', 'M EUR', 'mln euro'),
  eur_per_inhabitant: unit('money', 'EUR per inhabitant', 'euro per inwoner'),
  eur_per_inhabitant_year: unit('money', 'EUR per inhabitant per year', 'euro per inwoner per jaar'),
  gini: unit('index', 'Gini 0-1', 'Gini 0-1'),
  fte: unit('count', 'FTE', 'fte'),
  trust: unit('index', 'trust 0-1', 'vertrouwen 0-1'),
  index: unit('index', 'index 0-1', 'index 0-1'),
  secretaries: unit('count', 'secretaries', 'secretarissen'),
  civil_servants: unit('count', 'civil servants', 'ambtenaren'),
  ratio: unit('ratio', 'ratio', 'verhouding'),
} as const;
export type UnitId = keyof typeof UNITS;

export type Level = 'month' | 'run' | 'municipality';
export type Direction = 'higher' | 'lower' | 'neutral';
export type Aggregate = 'mean' | 'sum' | 'last';

export interface MeasureSpec {
  readonly id: string;
  readonly level: Level;
  readonly unit: UnitId;
  readonly direction: Direction;
  /** An input of the model coming back out (verification), not a result of its mechanisms. */
  readonly readBack: boolean;
  /** Rank in the headline set (1 first), or null when not a headline measure. */
  readonly headline: number | null;
  readonly name: Bi;
  readonly definition: Bi;
  /**
   * The definition in one short plain line (at most 125 characters, no column or parameter
   * names), for chart subtitles; absent when `definition` already is one.
   */
  readonly short?: Bi;
  /** Run measures only: the monthly measure this is an aggregate of over the evaluation window. */
  readonly from?: { readonly series: string; readonly aggregate: Aggregate };
}

interface Options {
  direction?: Direction;
  readBack?: boolean;
  headline?: number;
}

function m<const I extends string>(level: Level, id: I, unitId: UnitId, name: Bi, definition: Bi, o: Options = {}, from?: MeasureSpec['from']): MeasureSpec & { id: I } {
  return { id, level, unit: unitId, direction: o.direction ?? 'neutral', readBack: o.readBack ?? false, headline: o.headline ?? null, name, definition, ...(from ? { from } : {}) };
}
const bi = (en: string, nl: string): Bi => ({ en, nl });
/** A measure with its short definition for charts. */
const short = <T extends MeasureSpec>(spec: T, text: Bi): T => ({ ...spec, short: text });

const DOMAIN_NAMES: Record<Domain, Bi> = {
  housing: bi('housing', 'wonen'),
  transport: bi('transport', 'verkeer en vervoer'),
  economy: bi('economy', 'economie'),
  social: bi('social domain', 'sociaal domein'),
  operations: bi('operations', 'bedrijfsvoering'),
};
export function domainName(d: Domain): Bi {
  return DOMAIN_NAMES[d];
}

type PerDomain<P extends string> = { [D in Domain]: MeasureSpec & { id: `${P}_${D}` } }[Domain];
const perDomain = <P extends 'completed' | 'value'>(prefix: P): PerDomain<P>[] =>
  DOMAINS.map((d) => {
    const dn = DOMAIN_NAMES[d];
    return prefix === 'completed'
      ? m('month', `completed_${d}` as `${P}_${Domain}`, 'tasks', bi(`Tasks completed: ${dn.en}`, `Voltooide opgaven: ${dn.nl}`), bi(`Tasks in ${d} completed successfully this month.`, `Opgaven in het domein ${dn.nl} die deze maand met succes zijn afgerond.`), { direction: 'higher' })
      : m('month', `value_${d}` as `${P}_${Domain}`, 'meur', bi(`Value realised: ${dn.en}`, `Gerealiseerde waarde: ${dn.nl}`), bi(`Value realised in ${d} this month (M EUR).`, `Waarde die deze maand in het domein ${dn.nl} is gerealiseerd (mln euro).`), { direction: 'higher' });
  }) as PerDomain<P>[];

/** Monthly measures: the columns of timeseries.csv after `date`, in this order. */
export const MONTH_MEASURES = [
  m('month', 'month', 'months', bi('Month of the run', 'Maand van de run'), bi('Months since the start of the run (0 = first month).', 'Maanden sinds het begin van de run (0 = eerste maand).')),
  m('month', 'election', 'flag', bi('Council election', 'Raadsverkiezing'), bi('1 in a month with council elections, else 0.', '1 in een maand met gemeenteraadsverkiezingen, anders 0.')),
  m('month', 'arrangements_active', 'arrangements', bi('Active arrangements', 'Actieve samenwerkingsverbanden'), bi('Arrangements in existence at the end of the month.', 'Samenwerkingsverbanden die aan het eind van de maand bestaan.')),
  m('month', 'memberships_active', 'memberships', bi('Active memberships', 'Actieve lidmaatschappen'), bi('Memberships of those arrangements (module memberships of a modular GR counted per module, plus the core).', 'Lidmaatschappen van die samenwerkingsverbanden (bij een modulaire GR per module geteld, plus de kern).')),
  m('month', 'joins', 'memberships', bi('Joins', 'Toetredingen'), bi('Memberships started this month.', 'Lidmaatschappen die deze maand beginnen.')),
  m('month', 'exits', 'memberships', bi('Exits', 'Uittredingen'), bi('Memberships ended by a member leaving this month.', 'Lidmaatschappen die deze maand eindigen doordat een lid vertrekt.'), { direction: 'lower' }),
  short(m('month', 'dissolutions', 'arrangements', bi('Dissolutions', 'Opheffingen'), bi('Arrangements dissolved this month (by decree, too few members, a key member leaving, or dormancy).', 'Samenwerkingsverbanden die deze maand worden opgeheven (bij besluit van buiten, te weinig leden, vertrek van een sleutellid of slapendheid).'), { direction: 'lower' }), bi('Arrangements dissolved this month (by decree, too few members, a key member leaving, or dormancy).', 'Samenwerkingsverbanden die deze maand zijn opgeheven (bij besluit, te weinig leden, vertrek van een sleutellid, slapend).')),
  m('month', 'formations', 'arrangements', bi('New arrangements', 'Nieuwe samenwerkingsverbanden'), bi('Arrangements formed by municipalities this month.', 'Samenwerkingsverbanden die gemeenten deze maand zelf oprichten.')),
  short(m('month', 'pairs_cooperating', 'share_pairs', bi('Pairs cooperating', 'Samenwerkende paren'), bi('Share of municipality pairs with a cooperation tie: in the last 12 months both voted for the same passed decision, or both carried part of the same project that serves them both (both are among its beneficiaries and delivered some of their work in it in the same month). Sitting at the same table, or working on a project by obligation without a stake in it, is not enough.', 'Aandeel gemeenteparen met een samenwerkingsband: in de laatste 12 maanden stemden beide voor hetzelfde aangenomen besluit, of droegen beide bij aan hetzelfde project dat hen allebei dient (beide horen bij de begunstigden en leverden er in dezelfde maand werk voor). Aan dezelfde tafel zitten, of uit plicht werken aan een project zonder er belang bij te hebben, is niet genoeg.'), { direction: 'higher' }), bi('Share of municipality pairs that, in the last 12 months, backed the same decision or worked on the same project.', 'Aandeel gemeenteparen dat in de laatste 12 maanden hetzelfde besluit steunde of aan hetzelfde project werkte.')),
  short(m('month', 'cooperation_stability', 'share_pairs', bi('Cooperation stability', 'Stabiliteit van de samenwerking'), bi('Share of municipality pairs whose cooperation tie (see pairs_cooperating) has lasted more than 12 months without a break, so rests on at least two joint acts.', 'Aandeel gemeenteparen waarvan de samenwerkingsband (zie pairs_cooperating) langer dan 12 maanden zonder onderbreking duurt, dus op minstens twee gezamenlijke handelingen rust.'), { direction: 'higher' }), bi('Share of municipality pairs that have cooperated for more than 12 months without a break.', 'Aandeel gemeenteparen dat al langer dan 12 maanden zonder onderbreking samenwerkt.')),
  short(m('month', 'pairs_at_working_table', 'share_pairs', bi('Pairs at a working table', 'Paren aan een werkende tafel'), bi('Share of municipality pairs that are both members of an arrangement whose table passed a decision in the last workingTableMonths months (12), whether or not they took part in it (a table-level indicator).', 'Aandeel gemeenteparen dat samen lid is van een samenwerkingsverband waarvan de tafel in de laatste workingTableMonths maanden (12) een besluit nam, of ze er nu aan meededen of niet (een indicator op het niveau van de tafel).'), { direction: 'higher' }), bi('Share of municipality pairs that sit together at a table that took a decision in the last 12 months.', 'Aandeel gemeenteparen dat samen aan een tafel zit die in de laatste 12 maanden een besluit nam.')),
  m('month', 'network_density', 'share_pairs', bi('Network density', 'Netwerkdichtheid'), bi('Share of municipality pairs running at least one joint project.', 'Aandeel gemeenteparen dat minstens één gezamenlijk project uitvoert.'), { direction: 'higher' }),
  m('month', 'neighbour_tie_share', 'share_pairs', bi('Joint projects between neighbours', 'Gezamenlijke projecten tussen buren'), bi('Share of joint-project pairs that are neighbours (NaN without projects).', 'Aandeel van de paren met een gezamenlijk project dat buurgemeenten zijn (NaN zonder projecten).')),
  m('month', 'tasks_arrived', 'tasks', bi('Tasks that arose', 'Ontstane opgaven'), bi('Regional tasks that arose this month.', 'Regionale opgaven die deze maand ontstaan.'), { readBack: true }),
  m('month', 'tasks_addressed', 'tasks', bi('Tasks taken up', 'Opgepakte opgaven'), bi('Tasks that reached a table or an ad hoc initiative this month.', 'Opgaven die deze maand aan een tafel of bij een initiatief van gemeenten terechtkomen.'), { direction: 'higher' }),
  m('month', 'tasks_completed', 'tasks', bi('Tasks completed', 'Voltooide opgaven'), bi('Projects completed successfully this month.', 'Projecten die deze maand met succes zijn afgerond.'), { direction: 'higher' }),
  m('month', 'tasks_failed', 'tasks', bi('Tasks failed', 'Mislukte opgaven'), bi('Tasks rejected, deadlocked, or carried out so poorly that they failed, this month.', 'Opgaven die deze maand zijn afgewezen, vastliepen of zo slecht zijn uitgevoerd dat ze mislukten.'), { direction: 'lower' }),
  m('month', 'tasks_lapsed', 'tasks', bi('Tasks lapsed', 'Niet opgepakte opgaven'), bi('Tasks that lapsed this month without being taken up (including those a new council took off the agenda).', 'Opgaven die deze maand verlopen zonder te zijn opgepakt (ook die een nieuwe raad van de agenda haalde).'), { direction: 'lower' }),
  m('month', 'projects_active', 'projects', bi('Running projects', 'Lopende projecten'), bi('Projects being carried out.', 'Projecten die worden uitgevoerd.')),
  m('month', 'agenda_open', 'tasks', bi('Open agenda items', 'Open agendapunten'), bi('Tasks waiting for a decision on the agendas of all tables.', 'Opgaven die op de agenda’s van alle tafels op een besluit wachten.')),
  ...perDomain('completed'),
  ...perDomain('value'),
  short(m('month', 'value_total', 'meur', bi('Gross value realised', 'Bruto gerealiseerde waarde'), bi('Gross value realised by projects that finished this month, all domains (M EUR): completed ones, the failedValueShare of failed ones, and the spill-over to beneficiaries who did not take part.', 'Bruto waarde van projecten die deze maand afliepen, alle domeinen (mln euro): voltooide, het aandeel failedValueShare van mislukte, en de overloop naar begunstigden die niet meededen.'), { direction: 'higher' }), bi('Value of the regional projects that finished this month, in all domains (M EUR, before costs).', 'Waarde van de regionale projecten die deze maand afliepen, in alle domeinen (mln euro, voor aftrek van kosten).')),
  short(m('month', 'value_per_inhabitant', 'eur_per_inhabitant', bi('Value per inhabitant', 'Waarde per inwoner'), bi('value_total per inhabitant of the region (EUR).', 'value_total per inwoner van de regio (euro).'), { direction: 'higher' }), bi('Value of the projects that finished this month per inhabitant of the region (EUR, before costs).', 'Waarde van de projecten die deze maand afliepen per inwoner van de regio (euro, voor aftrek van kosten).')),
  m('month', 'value_gini_12m', 'gini', bi('Inequality of value (12 months)', 'Ongelijkheid van de waarde (12 maanden)'), bi('Gini coefficient of value per inhabitant over the last 12 months across municipalities.', 'Gini-coëfficiënt van de waarde per inwoner over de laatste 12 maanden, tussen de gemeenten.'), { direction: 'lower' }),
  m('month', 'decisions', 'decisions', bi('Decisions', 'Besluiten'), bi('Decisions taken at tables and in ad hoc negotiations this month.', 'Besluiten die deze maand aan tafels en in losse onderhandelingen zijn genomen.')),
  m('month', 'deadlocks', 'tasks', bi('Deadlocks', 'Impasses'), bi('Tasks blocked at a table until they lapsed, this month.', 'Opgaven die aan een tafel geblokkeerd bleven tot ze verliepen, deze maand.'), { direction: 'lower' }),
  m('month', 'mandjes', 'package_deals', bi('Package deals (mandjes)', 'Mandjes (pakketafspraken)'), bi('Package deals made this month.', 'Mandjes (pakketafspraken) die deze maand zijn gesloten.')),
  m('month', 'forced_votes', 'decisions', bi('Decisions forced by majority', 'Meerderheidsbesluiten tegen bezwaar in'), bi('Decisions passed by binding majority over objections this month.', 'Besluiten die deze maand met een bindende meerderheid tegen bezwaar in zijn genomen.'), { direction: 'lower' }),
  m('month', 'fte_capacity', 'fte', bi('Regional capacity', 'Regionale capaciteit'), bi('Regional staff capacity of all municipalities (FTE).', 'Capaciteit van alle gemeenten voor regionaal werk (fte).')),
  m('month', 'fte_coordination', 'fte', bi('Capacity on coordination', 'Capaciteit voor coördinatie'), bi('Capacity spent on coordination: meetings, bureaus, preparation, search and negotiation (FTE).', 'Capaciteit besteed aan coördinatie: overleg, bureaus, voorbereiding, zoeken en onderhandelen (fte).'), { direction: 'lower' }),
  short(m('month', 'forced_against_interest', 'members', bi('Bound against their interest', 'Gebonden tegen eigen belang'), bi('Outvoted members bound to a decision whose own gain was negative (cost share above the value share), this month.', 'Overstemde leden die gebonden zijn aan een besluit waarvan hun eigen opbrengst negatief was (kostenaandeel boven het waardeaandeel), deze maand.'), { direction: 'lower' }), bi('Outvoted members bound this month to a decision that costs them more than it brings them.', 'Overstemde leden die deze maand gebonden zijn aan een besluit dat hun meer kost dan oplevert.')),
  short(m('month', 'cooperation_cost', 'meur', bi('Cost of cooperation', 'Kosten van samenwerking'), bi('What cooperation cost the members this month (M EUR): overhead contributions and coordination staff of the month, and for the projects that finished this month (booked with their value) each participant\'s population share of the budget and the staff it delivered, at fteMonthCost.', 'Wat samenwerking de leden deze maand kostte (mln euro): bijdragen aan de overhead en inzet voor coördinatie van de maand, en voor de projecten die deze maand afliepen (geboekt met hun waarde) het aandeel naar inwoners in het budget en de geleverde inzet van elke deelnemer, tegen fteMonthCost.'), { direction: 'lower' }), bi('What cooperation cost the members this month: contributions, staff and their share of finished projects (M EUR).', 'Wat samenwerking de leden deze maand kostte: bijdragen, inzet en hun deel van afgeronde projecten (mln euro).')),
  short(m('month', 'central_funds', 'meur', bi('Central funds received', 'Ontvangen rijksgeld'), bi('Central funds (such as the BDU) paid toward the members\' costs of the projects that finished this month (M EUR): the table\'s fundShare of their booked money and staff.', 'Rijksgeld (zoals de BDU) voor de kosten van de leden van de projecten die deze maand afliepen (mln euro): het fundShare van de tafel van hun geboekte geld en inzet.')), bi('Central funds (such as the BDU) paid toward the costs of the projects that finished this month (M EUR).', 'Rijksgeld (zoals de BDU) voor de kosten van de projecten die deze maand afliepen (mln euro).')),
  short(m('month', 'capacity_short_share', 'share_municipalities', bi('Capacity short', 'Capaciteit schiet tekort'), bi('Share of municipalities whose regional capacity left after coordination falls short of the project work due this month (they under-deliver).', 'Aandeel gemeenten waarvan de regionale capaciteit na coördinatie deze maand tekortschiet voor het projectwerk dat ze verschuldigd zijn (ze leveren minder).'), { direction: 'lower' }), bi('Share of municipalities without enough staff left for the project work they owe this month.', 'Aandeel gemeenten dat deze maand te weinig mensen over heeft voor het projectwerk dat ze verschuldigd zijn.')),
  short(m('month', 'capacity_short_small_share', 'share_municipalities', bi('Capacity short, smaller members', 'Capaciteit schiet tekort, kleinere gemeenten'), bi('capacity_short_share among the smaller half of the municipalities (population below the region\'s median).', 'capacity_short_share onder de kleinere helft van de gemeenten (inwonertal onder de mediaan van de regio).'), { direction: 'lower' }), bi('The same for the smaller half of the municipalities: too few staff for the project work they owe.', 'Hetzelfde voor de kleinere helft van de gemeenten: te weinig mensen voor het verschuldigde projectwerk.')),
  short(m('month', 'engagements_per_municipality', 'engagements', bi('Engagements per municipality', 'Verbanden per gemeente'), bi('Memberships of standing arrangements (modules counted separately) plus running joint projects a municipality takes part in, per municipality: the model\'s counterpart of the number of joint arrangements a municipality is in.', 'Lidmaatschappen van vaste samenwerkingsverbanden (modules apart geteld) plus lopende gezamenlijke projecten waaraan een gemeente deelneemt, per gemeente: de tegenhanger in het model van het aantal gemeenschappelijke regelingen en afspraken waarin een gemeente zit.')), bi('Memberships and running joint projects per municipality.', 'Lidmaatschappen en lopende gezamenlijke projecten per gemeente.')),
  m('month', 'fte_delivery', 'fte', bi('Capacity on delivery', 'Capaciteit voor uitvoering'), bi('Capacity delivered to projects (FTE).', 'Capaciteit die aan projecten is geleverd (fte).')),
  short(m('month', 'coordination_share', 'share_fte', bi('Effort on coordination', 'Inzet voor coördinatie'), bi('fte_coordination / (fte_coordination + fte_delivery).', 'fte_coordination / (fte_coordination + fte_delivery).'), { direction: 'lower' }), bi('Share of regional staff effort spent on coordination rather than delivery.', 'Aandeel van de regionale inzet dat naar coördinatie gaat in plaats van uitvoering.')),
  short(m('month', 'cooperation_spending_share', 'share_spending', bi('Spending through cooperation', 'Uitgaven via samenwerking'), bi('Money through cooperation (overhead, central funds, joint project budgets) as a share of municipal spending plus that money.', 'Geld via samenwerking (overhead, rijksgeld, budgetten van gezamenlijke projecten) als aandeel van de gemeentelijke uitgaven plus dat geld.')), bi('Share of municipal spending (plus cooperation money) that goes through cooperation.', 'Aandeel van de gemeentelijke uitgaven (plus het geld voor samenwerking) dat via samenwerking loopt.')),
  short(m('month', 'trust_mean', 'trust', bi('Trust', 'Vertrouwen'), bi('Mean effective trust over all ordered pairs of municipalities.', 'Gemiddeld werkzaam vertrouwen over alle geordende paren gemeenten.'), { direction: 'higher' }), bi('Mean trust of one municipality in another, from 0 (none) to 1 (full), held by people and shared secretariats.', 'Gemiddeld vertrouwen van de ene gemeente in de andere, van 0 (geen) tot 1 (volledig), gedragen door mensen en secretariaten.')),
  m('month', 'trust_sd', 'trust', bi('Spread of trust', 'Spreiding van het vertrouwen'), bi('Standard deviation of effective trust over ordered pairs.', 'Standaardafwijking van het werkzame vertrouwen over geordende paren.')),
  m('month', 'trust_personal_mean', 'trust', bi('Personal trust', 'Persoonlijk vertrouwen'), bi('Mean personal trust (held by people).', 'Gemiddeld persoonlijk vertrouwen (gedragen door mensen).'), { direction: 'higher' }),
  m('month', 'trust_institutional_mean', 'trust', bi('Institutional trust', 'Institutioneel vertrouwen'), bi('Mean institutional trust (held by secretariats).', 'Gemiddeld institutioneel vertrouwen (vastgehouden door secretariaten).'), { direction: 'higher' }),
  m('month', 'relationship_stock', 'index', bi('Relationships and knowledge', 'Relaties en kennis'), bi('Mean relationship and knowledge stock of the municipalities (0-1).', 'Gemiddelde voorraad aan relaties en kennis van de gemeenten (0-1).'), { direction: 'higher' }),
  m('month', 'secretary_turnovers', 'secretaries', bi('Secretaries leaving', 'Vertrek van gemeentesecretarissen'), bi('Municipal secretaries who left this month.', 'Gemeentesecretarissen die deze maand vertrekken.'), { readBack: true }),
  m('month', 'civil_servant_departures', 'civil_servants', bi('Civil servants leaving', 'Vertrek van ambtenaren'), bi('Civil servants in regional work who left this month.', 'Ambtenaren in regionaal werk die deze maand vertrekken.'), { readBack: true }),
  m('month', 'stance_mean', 'index', bi('Council stance', 'Houding van de gemeenteraden'), bi('Mean council stance toward regional cooperation (0-1).', 'Gemiddelde houding van de gemeenteraden tegenover regionale samenwerking (0-1).'), { direction: 'higher' }),
  short(m('month', 'mandate_mean', 'index', bi('Mandate of aldermen', 'Mandaat van de wethouders'), bi('Mean mandate of the aldermen: tolerated loss as a share of own cost (mandateScale x stance).', 'Gemiddeld mandaat van de wethouders: toegestaan verlies als aandeel van de eigen kosten (mandateScale x houding).')), bi('How much loss the aldermen may accept on a deal, as a share of their own cost (mean).', 'Hoeveel verlies de wethouders op een afspraak mogen nemen, als aandeel van de eigen kosten (gemiddeld).')),
] as const;

export type MonthMeasureId = (typeof MONTH_MEASURES)[number]['id'];

/** A run measure that aggregates the monthly measure of the same id over the evaluation window. */
function window<const I extends MonthMeasureId>(id: I, aggregate: Aggregate, unitId: UnitId, definition: Bi, o: Options = {}): MeasureSpec & { id: I } {
  const month = MONTH_MEASURES.find((x) => x.id === id)!;
  return m('run', id, unitId, month.name, definition, { direction: month.direction, readBack: month.readBack, ...o }, { series: id, aggregate });
}

/**
 * Per-run outcomes over the evaluation window: summary.json `outcomes` and the outcome columns
 * of runs.csv, in this order. Those without `from` are computed in src/core/observation.ts.
 */
export const RUN_MEASURES = [
  window('cooperation_stability', 'mean', 'share_pairs', bi('Mean share of municipality pairs with a cooperation tie that has lasted more than 12 months.', 'Gemiddeld aandeel gemeenteparen met een samenwerkingsband die langer dan 12 maanden duurt.'), { headline: 3 }),
  short(window('pairs_cooperating', 'mean', 'share_pairs', bi('Mean share of municipality pairs with a cooperation tie: both took part in the same passed decision or project in the last 12 months.', 'Gemiddeld aandeel gemeenteparen met een samenwerkingsband: beide namen in de laatste 12 maanden deel aan hetzelfde aangenomen besluit of project.'), { headline: 7 }), bi('Mean share of municipality pairs that backed the same decision or worked on the same project in the last 12 months.', 'Gemiddeld aandeel gemeenteparen dat in de laatste 12 maanden hetzelfde besluit steunde of samen aan een project werkte.')),
  short(window('pairs_at_working_table', 'mean', 'share_pairs', bi('Mean share of municipality pairs that are both members of a table that passed a decision in the last 12 months (table level, not taking part).', 'Gemiddeld aandeel gemeenteparen dat samen lid is van een tafel die in de laatste 12 maanden een besluit nam (niveau van de tafel, niet van deelname).')), bi('Mean share of municipality pairs that sit together at a table that decided something in the last 12 months.', 'Gemiddeld aandeel gemeenteparen dat samen aan een tafel zit die in de laatste 12 maanden iets besloot.')),
  window('network_density', 'mean', 'share_pairs', bi('Mean density of the joint-project network (pairs running a project together).', 'Gemiddelde dichtheid van het netwerk van gezamenlijke projecten (paren die samen een project uitvoeren).')),
  short(window('value_total', 'sum', 'meur', bi('Gross value realised by finished regional projects (including the share failed projects still realise and the spill-over to non-participants).', 'Bruto waarde van afgeronde regionale projecten (inclusief wat mislukte projecten nog opleveren en de overloop naar niet-deelnemers).')), bi('Value of the finished regional projects over the period (M EUR, before costs).', 'Waarde van de afgeronde regionale projecten over de periode (mln euro, voor aftrek van kosten).')),
  short(m('run', 'value_net_per_inhabitant', 'eur_per_inhabitant_year', bi('Net value per inhabitant', 'Netto waarde per inwoner'), bi('Net value of cooperation per inhabitant per year: gross value minus what cooperation cost the members (project money, overhead money, delivery and coordination staff) plus the central funds paid toward their project costs.', 'Netto waarde van samenwerking per inwoner per jaar: bruto waarde min wat samenwerking de leden kostte (projectgeld, overhead, inzet voor uitvoering en coördinatie) plus het rijksgeld voor hun projectkosten.'), { direction: 'higher', headline: 1 }), bi('Value of cooperation minus its cost plus central funds, per inhabitant per year.', 'Waarde van samenwerking min de kosten plus rijksgeld, per inwoner per jaar.')),
  m('run', 'value_per_inhabitant', 'eur_per_inhabitant_year', bi('Gross value per inhabitant', 'Bruto waarde per inwoner'), bi('Gross value realised per inhabitant per year (no cost subtracted).', 'Bruto gerealiseerde waarde per inwoner per jaar (zonder aftrek van kosten).'), { direction: 'higher', headline: 2 }),
  short(m('run', 'cost_per_inhabitant', 'eur_per_inhabitant_year', bi('Cost per inhabitant', 'Kosten per inwoner'), bi('What cooperation cost the members per inhabitant per year (the sum of cooperation_cost).', 'Wat samenwerking de leden kostte per inwoner per jaar (de som van cooperation_cost).'), { direction: 'lower' }), bi('What cooperation cost the members, per inhabitant per year.', 'Wat samenwerking de leden kostte, per inwoner per jaar.')),
  m('run', 'central_funds_per_inhabitant', 'eur_per_inhabitant_year', bi('Central funds per inhabitant', 'Rijksgeld per inwoner'), bi('Central funds paid toward the members\' project costs, per inhabitant per year.', 'Rijksgeld voor de projectkosten van de leden, per inwoner per jaar.')),
  short(m('run', 'net_negative_share', 'share_municipalities', bi('Members who lose', 'Gemeenten die verliezen'), bi('Share of municipalities whose net value over the window is negative: they pay more for cooperation than it brings them.', 'Aandeel gemeenten waarvan de netto waarde over de periode negatief is: ze betalen meer voor samenwerking dan die hun oplevert.'), { direction: 'lower', headline: 5 }), bi('Share of municipalities that pay more for cooperation than it brings them.', 'Aandeel gemeenten dat meer betaalt voor samenwerking dan die hun oplevert.')),
  m('run', 'net_min_per_inhabitant', 'eur_per_inhabitant_year', bi('Lowest net value per inhabitant', 'Laagste netto waarde per inwoner'), bi('Net value per inhabitant per year of the municipality that gains least.', 'Netto waarde per inwoner per jaar van de gemeente die het minst wint.'), { direction: 'higher' }),
  window('forced_against_interest', 'sum', 'members', bi('Outvoted members bound to decisions whose own gain was negative.', 'Overstemde leden die gebonden werden aan besluiten waarvan hun eigen opbrengst negatief was.')),
  m('run', 'value_nontransport', 'meur', bi('Value outside transport', 'Waarde buiten verkeer en vervoer'), bi('Value realised outside traffic and transport.', 'Gerealiseerde waarde buiten verkeer en vervoer.'), { direction: 'higher' }),
  m('run', 'value_gini', 'gini', bi('Inequality of value', 'Ongelijkheid van de waarde'), bi('Inequality of value per inhabitant across municipalities.', 'Ongelijkheid van de waarde per inwoner tussen de gemeenten.'), { direction: 'lower' }),
  window('tasks_arrived', 'sum', 'tasks', bi('Regional tasks that arose.', 'Regionale opgaven die ontstonden.')),
  short(m('run', 'completion_rate', 'share_tasks', bi('Completion rate', 'Voltooiingsgraad'), bi('Of the tasks that arose in the evaluation window, the share completed successfully by the end of the run (a cohort: tasks from before the window do not count; tasks still running at the end count as not completed).', 'Van de opgaven die in de evaluatieperiode ontstonden, het aandeel dat voor het eind van de run met succes is afgerond (een cohort: opgaven van voor de periode tellen niet mee; opgaven die aan het eind nog lopen tellen als niet afgerond).'), { direction: 'higher', headline: 4 }), bi('Share of the tasks that arose in the period that were completed successfully by the end.', 'Aandeel van de opgaven uit de periode dat aan het eind met succes is afgerond.')),
  window('tasks_completed', 'sum', 'tasks', bi('Tasks completed successfully.', 'Met succes voltooide opgaven.')),
  window('tasks_failed', 'sum', 'tasks', bi('Tasks rejected, deadlocked or carried out so poorly that they failed.', 'Opgaven die werden afgewezen, vastliepen of zo slecht werden uitgevoerd dat ze mislukten.')),
  window('tasks_lapsed', 'sum', 'tasks', bi('Tasks never taken up before they lapsed.', 'Opgaven die verliepen zonder ooit te zijn opgepakt.')),
  window('deadlocks', 'sum', 'tasks', bi('Tasks blocked at a table until they lapsed.', 'Opgaven die aan een tafel geblokkeerd bleven tot ze verliepen.')),
  window('mandjes', 'sum', 'package_deals', bi('Package deals made.', 'Gesloten mandjes (pakketafspraken).')),
  window('forced_votes', 'sum', 'decisions', bi('Decisions passed by binding majority over objections.', 'Besluiten die met een bindende meerderheid tegen bezwaar in werden genomen.')),
  window('joins', 'sum', 'memberships', bi('Memberships started after the start of the run.', 'Lidmaatschappen die na het begin van de run begonnen.')),
  window('exits', 'sum', 'memberships', bi('Memberships ended by a member leaving.', 'Lidmaatschappen die eindigden doordat een lid vertrok.'), { headline: 8 }),
  window('dissolutions', 'sum', 'arrangements', bi('Arrangements dissolved.', 'Opgeheven samenwerkingsverbanden.')),
  window('formations', 'sum', 'arrangements', bi('Arrangements formed by the municipalities.', 'Samenwerkingsverbanden die de gemeenten zelf oprichtten.')),
  m('run', 'arrangements_mean', 'arrangements', bi('Active arrangements', 'Actieve samenwerkingsverbanden'), bi('Mean number of active arrangements.', 'Gemiddeld aantal actieve samenwerkingsverbanden.'), {}, { series: 'arrangements_active', aggregate: 'mean' }),
  m('run', 'memberships_mean', 'memberships', bi('Active memberships', 'Actieve lidmaatschappen'), bi('Mean number of active memberships (module memberships counted per module).', 'Gemiddeld aantal actieve lidmaatschappen (modules per module geteld).'), {}, { series: 'memberships_active', aggregate: 'mean' }),
  m('run', 'coordination_share', 'share_fte', bi('Effort on coordination', 'Inzet voor coördinatie'), bi('Share of regional staff effort spent on coordination rather than delivery.', 'Aandeel van de regionale inzet dat naar coördinatie gaat in plaats van uitvoering.'), { direction: 'lower', headline: 9 }),
  window('cooperation_spending_share', 'mean', 'share_spending', bi('Share of municipal spending that goes through cooperation.', 'Aandeel van de gemeentelijke uitgaven dat via samenwerking loopt.')),
  short(window('trust_mean', 'mean', 'trust', bi('Mean effective trust between municipalities.', 'Gemiddeld werkzaam vertrouwen tussen de gemeenten.'), { headline: 6 }), bi('Mean trust of one municipality in another over the period, from 0 (none) to 1 (full).', 'Gemiddeld vertrouwen van de ene gemeente in de andere over de periode, van 0 (geen) tot 1 (volledig).')),
  m('run', 'trust_end', 'trust', bi('Trust at the end', 'Vertrouwen aan het eind'), bi('Mean effective trust in the last month.', 'Gemiddeld werkzaam vertrouwen in de laatste maand.'), { direction: 'higher' }, { series: 'trust_mean', aggregate: 'last' }),
  window('relationship_stock', 'mean', 'index', bi('Mean relationship and knowledge stock.', 'Gemiddelde voorraad aan relaties en kennis.')),
  m('run', 'secretary_turnover_rate', 'share_per_year', bi('Secretaries leaving', 'Vertrek van gemeentesecretarissen'), bi('Secretaries leaving per municipality per year.', 'Vertrokken gemeentesecretarissen per gemeente per jaar.'), { readBack: true }),
  m('run', 'exits_after_election_share', 'share_exits', bi('Exits after elections', 'Uittredingen na verkiezingen'), bi('Share of exits in the 12 months after an election (NaN without exits).', 'Aandeel van de uittredingen in de 12 maanden na een verkiezing (NaN zonder uittredingen).')),
  short(m('run', 'neighbour_partner_ratio', 'ratio', bi('Preference for neighbours', 'Voorkeur voor buurgemeenten'), bi('Share of joint-project partner pairs that are neighbours, divided by the share of neighbours among all pairs (>1: nearby partners preferred; NaN without projects).', 'Aandeel buurgemeenten onder de partnerparen van gezamenlijke projecten, gedeeld door het aandeel buren onder alle paren (>1: voorkeur voor nabije partners; NaN zonder projecten).')), bi('How much more often project partners are neighbours than pairs in general (above 1: nearby partners preferred).', 'Hoeveel vaker projectpartners buren zijn dan paren in het algemeen (boven 1: voorkeur voor nabije partners).')),
  short(m('run', 'neighbour_choice_ratio', 'ratio', bi('Neighbours chosen beyond geography', 'Buren gekozen boven de geografie'), bi('Share of neighbours among the partner pairs of joint projects, divided by their share among the pairs of beneficiaries of the same projects: >1 when the nearer beneficiaries are the ones who take part, 1 when all take part alike (at a binding table the participants are its members, not the beneficiaries, and the ratio can fall below 1; NaN without projects with neighbouring beneficiaries).', 'Aandeel buurgemeenten onder de partnerparen van gezamenlijke projecten, gedeeld door hun aandeel onder de paren van belanghebbenden bij dezelfde projecten: >1 als vooral de nabije belanghebbenden meedoen, 1 als ze allemaal gelijk meedoen (aan een bindende tafel doen de leden mee, niet de belanghebbenden, en kan de verhouding onder 1 komen; NaN zonder projecten met naburige belanghebbenden).')), bi('How much more often neighbours take part in a project than other stakeholders in it (1: alike).', 'Hoeveel vaker buren meedoen aan een project dan andere belanghebbenden erbij (1: even vaak).')),
  short(m('run', 'value_early_per_inhabitant', 'eur_per_inhabitant_year', bi('Value in the first two years', 'Waarde in de eerste twee jaar'), bi('Gross value realised per inhabitant per year in the first 24 months of the window (a new structure\'s start-up, the dip after an abolition).', 'Bruto gerealiseerde waarde per inwoner per jaar in de eerste 24 maanden van de periode (de opstart van een nieuwe structuur, de dip na een opheffing).'), { direction: 'higher' }), bi('Value per inhabitant per year in the first two years of the period (a start-up or a dip).', 'Waarde per inwoner per jaar in de eerste twee jaar van de periode (een opstart of een dip).')),
  short(m('run', 'recovery_months', 'months', bi('Months to recover', 'Maanden tot herstel'), bi('Months from the start of the window until the value realised over 12 months outside transport (and outside any domain whose task rate a scenario event changes from a year before the window on) is back at its level of the 12 months before the window, after it fell below it (0 when it never fell below; the months to the end of the run when it never recovered; NaN with fewer than 12 reported months before the window).', 'Maanden vanaf het begin van de periode tot de over 12 maanden gerealiseerde waarde buiten verkeer en vervoer (en buiten domeinen waarvan een scenariogebeurtenis vanaf een jaar voor de periode het aantal opgaven verandert) weer op het niveau van de 12 maanden voor de periode is, nadat ze daaronder zakte (0 als ze er nooit onder zakte; het aantal maanden tot het eind van de run als ze niet herstelde; NaN bij minder dan 12 gerapporteerde maanden voor de periode).'), { direction: 'lower' }), bi('Months until the value realised is back at its level of the year before the period (0: it never fell).', 'Maanden tot de gerealiseerde waarde terug is op het niveau van het jaar voor de periode (0: nooit gedaald).')),
  short(m('run', 'standing_formations', 'arrangements', bi('Tables formed', 'Zelf opgerichte tafels'), bi('Arrangements with a table (convenant, basiscoalitie, modular GR, GR; not networks) the municipalities formed themselves in the window.', 'Samenwerkingsverbanden met een tafel (convenant, basiscoalitie, modulaire GR, GR; geen netwerken) die de gemeenten in de periode zelf oprichtten.')), bi('Arrangements with a table (not networks) that the municipalities formed themselves in the period.', 'Samenwerkingsverbanden met een tafel (geen netwerken) die de gemeenten in de periode zelf oprichtten.')),
  short(m('run', 'austerity_regional_first_share', 'share_municipalities', bi('Regional work cut first', 'Eerst regionaal werk geschrapt'), bi('Share of the austerity choices in the reported period in which a municipality cut its regional work and contributions before its own apparatus (NaN without austerity).', 'Aandeel van de keuzes bij bezuinigingen in de gerapporteerde periode waarin een gemeente eerst haar regionale werk en bijdragen schrapte en niet haar eigen apparaat (NaN zonder bezuiniging).')), bi('Share of cuts in which a municipality cut its regional work before its own organisation.', 'Aandeel van de bezuinigingen waarbij een gemeente eerst het regionale werk schrapte en niet de eigen organisatie.')),
  window('capacity_short_share', 'mean', 'share_municipalities', bi('Mean share of municipalities whose capacity falls short of the project work due, per month.', 'Gemiddeld aandeel gemeenten waarvan de capaciteit per maand tekortschiet voor het verschuldigde projectwerk.')),
  window('capacity_short_small_share', 'mean', 'share_municipalities', bi('The same for the smaller half of the municipalities.', 'Hetzelfde voor de kleinere helft van de gemeenten.')),
  window('engagements_per_municipality', 'mean', 'engagements', bi('Mean number of standing memberships and running joint projects per municipality.', 'Gemiddeld aantal lidmaatschappen en lopende gezamenlijke projecten per gemeente.')),
  window('stance_mean', 'mean', 'index', bi('Mean council stance toward regional cooperation.', 'Gemiddelde houding van de gemeenteraden tegenover regionale samenwerking.')),
] as const;

export type RunMeasureId = (typeof RUN_MEASURES)[number]['id'];

/** Per-municipality outcomes of a run over the evaluation window (summary.json `municipalities`, municipalities.csv). */
export const MUNICIPALITY_MEASURES = [
  m('municipality', 'value', 'meur', bi('Value realised', 'Gerealiseerde waarde'), bi('Value the municipality received over the evaluation window (M EUR).', 'Waarde die de gemeente in de evaluatieperiode ontving (mln euro).'), { direction: 'higher' }),
  short(m('municipality', 'value_per_inhabitant', 'eur_per_inhabitant', bi('Value per inhabitant', 'Waarde per inwoner'), bi('That value per inhabitant over the whole window (EUR).', 'Die waarde per inwoner over de hele periode (euro).'), { direction: 'higher' }), bi('Value the municipality received from regional projects, per inhabitant (EUR, before costs).', 'Waarde die de gemeente uit regionale projecten ontving, per inwoner (euro, voor aftrek van kosten).')),
  short(m('municipality', 'cost', 'meur', bi('Cost of cooperation', 'Kosten van samenwerking'), bi('What cooperation cost the municipality over the evaluation window (M EUR): project money, overhead money, and delivery and coordination staff at fteMonthCost.', 'Wat samenwerking de gemeente in de evaluatieperiode kostte (mln euro): projectgeld, overhead, en inzet voor uitvoering en coördinatie tegen fteMonthCost.'), { direction: 'lower' }), bi('What cooperation cost the municipality over the period: money and staff (M EUR).', 'Wat samenwerking de gemeente in de periode kostte: geld en inzet (mln euro).')),
  m('municipality', 'central_funds', 'meur', bi('Central funds received', 'Ontvangen rijksgeld'), bi('Central funds paid toward its project costs over the window (M EUR).', 'Rijksgeld voor zijn projectkosten in de periode (mln euro).')),
  m('municipality', 'net', 'meur', bi('Net value', 'Netto waarde'), bi('Value minus cost plus central funds over the window (M EUR).', 'Waarde min kosten plus rijksgeld in de periode (mln euro).'), { direction: 'higher' }),
  short(m('municipality', 'net_per_inhabitant', 'eur_per_inhabitant', bi('Net value per inhabitant', 'Netto waarde per inwoner'), bi('That net value per inhabitant over the whole window (EUR).', 'Die netto waarde per inwoner over de hele periode (euro).'), { direction: 'higher' }), bi('What cooperation brought the municipality minus what it cost, plus central funds, per inhabitant (EUR).', 'Wat samenwerking de gemeente opleverde min wat het kostte, plus rijksgeld, per inwoner (euro).')),
  m('municipality', 'memberships', 'memberships', bi('Memberships', 'Lidmaatschappen'), bi('Arrangements the municipality belongs to at the end of the run.', 'Samenwerkingsverbanden waarvan de gemeente aan het eind van de run lid is.')),
  m('municipality', 'trust_in', 'trust', bi('Trust received', 'Ontvangen vertrouwen'), bi('Mean trust of the other municipalities in this one at the end.', 'Gemiddeld vertrouwen van de andere gemeenten in deze gemeente aan het eind.'), { direction: 'higher' }),
  m('municipality', 'trust_out', 'trust', bi('Trust given', 'Gegeven vertrouwen'), bi('Mean trust of this municipality in the others at the end.', 'Gemiddeld vertrouwen van deze gemeente in de andere aan het eind.'), { direction: 'higher' }),
  m('municipality', 'relationship_stock', 'index', bi('Relationships and knowledge', 'Relaties en kennis'), bi('Relationship and knowledge stock of its staff at the end (0-1).', 'Voorraad aan relaties en kennis van de medewerkers aan het eind (0-1).'), { direction: 'higher' }),
] as const;

export type MunicipalityMeasureId = (typeof MUNICIPALITY_MEASURES)[number]['id'];

export const MONTH_IDS: readonly MonthMeasureId[] = MONTH_MEASURES.map((x) => x.id);
export const RUN_IDS: readonly RunMeasureId[] = RUN_MEASURES.map((x) => x.id);
export const MUNICIPALITY_IDS: readonly MunicipalityMeasureId[] = MUNICIPALITY_MEASURES.map((x) => x.id);

/** Column index of every monthly measure (timeseries.csv order). */
export const MONTH_INDEX = Object.fromEntries(MONTH_IDS.map((id, i) => [id, i])) as Readonly<Record<MonthMeasureId, number>>;

const BY_LEVEL: Record<Level, ReadonlyMap<string, MeasureSpec>> = {
  month: new Map(MONTH_MEASURES.map((x) => [x.id, x])),
  run: new Map(RUN_MEASURES.map((x) => [x.id, x])),
  municipality: new Map(MUNICIPALITY_MEASURES.map((x) => [x.id, x])),
};

/** A measure by level and id (undefined when unknown). */
export function measure(level: Level, id: string): MeasureSpec | undefined {
  return BY_LEVEL[level].get(id);
}

/** Run measures of the headline set, in headline order. */
export const HEADLINE: readonly RunMeasureId[] = [...RUN_MEASURES]
  .filter((x): x is typeof x & { headline: number } => x.headline !== null)
  .sort((a, b) => a.headline - b.headline)
  .map((x) => x.id);

export function unitOf(spec: MeasureSpec): Unit {
  return UNITS[spec.unit];
}

/** The definition a chart carries: the short one, else the definition itself. */
export function chartDefinition(spec: MeasureSpec): Bi {
  return spec.short ?? spec.definition;
}

/** Whether values of the measure lie in [0, 1] (shares and 0-1 indices). */
export function isBounded01(spec: MeasureSpec): boolean {
  const k = UNITS[spec.unit].kind;
  return k === 'share' || k === 'index';
}
