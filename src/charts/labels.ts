/**
 * Every word a chart shows, in English and Dutch. Outcome names and units mirror OUTCOMES in
 * src/core/results.ts (a test checks that each outcome has both languages).
 *
 * Pure: no file access.
 */
import type { Lang } from './theme.js';

interface Bi {
  en: string;
  nl: string;
}

/** Readable name and unit of every per-run outcome and charted time-series measure. */
export const MEASURE_LABELS: Readonly<Record<string, { name: Bi; unit: Bi }>> = {
  cooperation_stability: { name: { en: 'Cooperation stability', nl: 'Stabiliteit van de samenwerking' }, unit: { en: 'share of pairs', nl: 'aandeel paren' } },
  pairs_cooperating: { name: { en: 'Pairs cooperating', nl: 'Samenwerkende paren' }, unit: { en: 'share of pairs', nl: 'aandeel paren' } },
  network_density: { name: { en: 'Network density', nl: 'Netwerkdichtheid' }, unit: { en: 'share of pairs', nl: 'aandeel paren' } },
  value_total: { name: { en: 'Value realised', nl: 'Gerealiseerde waarde' }, unit: { en: 'M EUR', nl: 'mln euro' } },
  value_per_inhabitant: { name: { en: 'Value per inhabitant', nl: 'Waarde per inwoner' }, unit: { en: 'EUR per inhabitant per year', nl: 'euro per inwoner per jaar' } },
  value_nontransport: { name: { en: 'Value outside transport', nl: 'Waarde buiten verkeer en vervoer' }, unit: { en: 'M EUR', nl: 'mln euro' } },
  value_gini: { name: { en: 'Inequality of value', nl: 'Ongelijkheid van de waarde' }, unit: { en: 'Gini 0-1', nl: 'Gini 0-1' } },
  tasks_arrived: { name: { en: 'Tasks that arose', nl: 'Ontstane opgaven' }, unit: { en: 'tasks', nl: 'opgaven' } },
  completion_rate: { name: { en: 'Completion rate', nl: 'Voltooiingsgraad' }, unit: { en: 'share of tasks', nl: 'aandeel opgaven' } },
  tasks_completed: { name: { en: 'Tasks completed', nl: 'Voltooide opgaven' }, unit: { en: 'tasks', nl: 'opgaven' } },
  tasks_failed: { name: { en: 'Tasks failed', nl: 'Mislukte opgaven' }, unit: { en: 'tasks', nl: 'opgaven' } },
  tasks_lapsed: { name: { en: 'Tasks lapsed', nl: 'Niet opgepakte opgaven' }, unit: { en: 'tasks', nl: 'opgaven' } },
  deadlocks: { name: { en: 'Deadlocks', nl: 'Impasses' }, unit: { en: 'tasks', nl: 'opgaven' } },
  mandjes: { name: { en: 'Package deals (mandjes)', nl: 'Mandjes (pakketafspraken)' }, unit: { en: 'package deals', nl: 'mandjes' } },
  forced_votes: { name: { en: 'Decisions forced by majority', nl: 'Meerderheidsbesluiten tegen bezwaar in' }, unit: { en: 'decisions', nl: 'besluiten' } },
  joins: { name: { en: 'Joins', nl: 'Toetredingen' }, unit: { en: 'memberships', nl: 'lidmaatschappen' } },
  exits: { name: { en: 'Exits', nl: 'Uittredingen' }, unit: { en: 'memberships', nl: 'lidmaatschappen' } },
  dissolutions: { name: { en: 'Dissolutions', nl: 'Opheffingen' }, unit: { en: 'arrangements', nl: 'samenwerkingsverbanden' } },
  formations: { name: { en: 'New arrangements', nl: 'Nieuwe samenwerkingsverbanden' }, unit: { en: 'arrangements', nl: 'samenwerkingsverbanden' } },
  arrangements_mean: { name: { en: 'Active arrangements', nl: 'Actieve samenwerkingsverbanden' }, unit: { en: 'arrangements', nl: 'samenwerkingsverbanden' } },
  memberships_mean: { name: { en: 'Active memberships', nl: 'Actieve lidmaatschappen' }, unit: { en: 'memberships', nl: 'lidmaatschappen' } },
  coordination_share: { name: { en: 'Effort on coordination', nl: 'Inzet voor coördinatie' }, unit: { en: 'share of FTE', nl: 'aandeel fte' } },
  cooperation_spending_share: { name: { en: 'Spending through cooperation', nl: 'Uitgaven via samenwerking' }, unit: { en: 'share of spending', nl: 'aandeel uitgaven' } },
  trust_mean: { name: { en: 'Trust', nl: 'Vertrouwen' }, unit: { en: 'trust 0-1', nl: 'vertrouwen 0-1' } },
  trust_end: { name: { en: 'Trust at the end', nl: 'Vertrouwen aan het eind' }, unit: { en: 'trust 0-1', nl: 'vertrouwen 0-1' } },
  relationship_stock: { name: { en: 'Relationships and knowledge', nl: 'Relaties en kennis' }, unit: { en: 'index 0-1', nl: 'index 0-1' } },
  secretary_turnover_rate: { name: { en: 'Secretaries leaving', nl: 'Vertrek van gemeentesecretarissen' }, unit: { en: 'share per year', nl: 'aandeel per jaar' } },
  exits_after_election_share: { name: { en: 'Exits after elections', nl: 'Uittredingen na verkiezingen' }, unit: { en: 'share of exits', nl: 'aandeel uittredingen' } },
  neighbour_partner_ratio: { name: { en: 'Preference for neighbours', nl: 'Voorkeur voor buurgemeenten' }, unit: { en: 'ratio', nl: 'verhouding' } },
  stance_mean: { name: { en: 'Council stance', nl: 'Houding van de gemeenteraden' }, unit: { en: 'index 0-1', nl: 'index 0-1' } },
  // time-series measures that are not per-run outcomes
  arrangements_active: { name: { en: 'Active arrangements', nl: 'Actieve samenwerkingsverbanden' }, unit: { en: 'arrangements', nl: 'samenwerkingsverbanden' } },
  memberships_active: { name: { en: 'Active memberships', nl: 'Actieve lidmaatschappen' }, unit: { en: 'memberships', nl: 'lidmaatschappen' } },
  value_gini_12m: { name: { en: 'Inequality of value (12 months)', nl: 'Ongelijkheid van de waarde (12 maanden)' }, unit: { en: 'Gini 0-1', nl: 'Gini 0-1' } },
  trust_personal_mean: { name: { en: 'Personal trust', nl: 'Persoonlijk vertrouwen' }, unit: { en: 'trust 0-1', nl: 'vertrouwen 0-1' } },
  trust_institutional_mean: { name: { en: 'Institutional trust', nl: 'Institutioneel vertrouwen' }, unit: { en: 'trust 0-1', nl: 'vertrouwen 0-1' } },
  projects_active: { name: { en: 'Running projects', nl: 'Lopende projecten' }, unit: { en: 'projects', nl: 'projecten' } },
  mandate_mean: { name: { en: 'Mandate of aldermen', nl: 'Mandaat van de wethouders' }, unit: { en: 'index 0-1', nl: 'index 0-1' } },
  // municipality columns (municipalities.csv)
  value: { name: { en: 'Value realised', nl: 'Gerealiseerde waarde' }, unit: { en: 'M EUR', nl: 'mln euro' } },
  memberships: { name: { en: 'Memberships', nl: 'Lidmaatschappen' }, unit: { en: 'memberships', nl: 'lidmaatschappen' } },
  trust_in: { name: { en: 'Trust received', nl: 'Ontvangen vertrouwen' }, unit: { en: 'trust 0-1', nl: 'vertrouwen 0-1' } },
  trust_out: { name: { en: 'Trust given', nl: 'Gegeven vertrouwen' }, unit: { en: 'trust 0-1', nl: 'vertrouwen 0-1' } },
};

/** A measure's name inside a sentence: first letter lower-case ("Trust" → "trust"). */
export function measureInSentence(measure: string, lang: Lang): string {
  const name = measureName(measure, lang);
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Readable name of a measure (falls back to the column name with spaces). */
export function measureName(measure: string, lang: Lang): string {
  return MEASURE_LABELS[measure]?.name[lang] ?? measure.replace(/_/g, ' ');
}

export function measureUnit(measure: string, lang: Lang): string {
  return MEASURE_LABELS[measure]?.unit[lang] ?? '';
}

/** Whether a measure lives in [0, 1] (shares, trust, 0-1 indices). */
export function isUnitInterval(measure: string): boolean {
  const unit = MEASURE_LABELS[measure]?.unit.en ?? '';
  return unit.startsWith('share') || unit.endsWith('0-1');
}

/** "Name (unit)", the form used in titles and axis titles. */
export function measureTitle(measure: string, lang: Lang): string {
  const unit = measureUnit(measure, lang);
  return unit === '' ? measureName(measure, lang) : `${measureName(measure, lang)} (${unit})`;
}

/** Event types of events.jsonl as shown on a timeline. */
export const EVENT_LABELS: Readonly<Record<string, Bi>> = {
  scenario: { en: 'Scenario event', nl: 'Scenariogebeurtenis' },
  election: { en: 'Council election', nl: 'Raadsverkiezing' },
  'secretary-turnover': { en: 'Secretary leaves', nl: 'Secretaris vertrekt' },
  'civil-servant-turnover': { en: 'Civil servant leaves', nl: 'Ambtenaar vertrekt' },
  'agenda-revisit': { en: 'Agenda revisited', nl: 'Agenda herzien' },
  join: { en: 'Join', nl: 'Toetreding' },
  exit: { en: 'Exit', nl: 'Uittreding' },
  dissolution: { en: 'Dissolution', nl: 'Opheffing' },
  formation: { en: 'New arrangement', nl: 'Nieuw samenwerkingsverband' },
  decision: { en: 'Decision', nl: 'Besluit' },
  mandje: { en: 'Package deal (mandje)', nl: 'Mandje' },
  'forced-vote': { en: 'Forced by majority', nl: 'Meerderheidsbesluit' },
  deadlock: { en: 'Deadlock', nl: 'Impasse' },
  lapse: { en: 'Task lapsed', nl: 'Opgave blijft liggen' },
  completed: { en: 'Task completed', nl: 'Opgave voltooid' },
  failed: { en: 'Task failed', nl: 'Opgave mislukt' },
};

export function eventLabel(type: string, lang: Lang): string {
  return EVENT_LABELS[type]?.[lang] ?? type;
}

/** Fixed phrases. */
const TEXT = {
  scenario: { en: 'Scenario', nl: 'Scenario' },
  year: { en: 'Year', nl: 'Jaar' },
  date: { en: 'Month', nl: 'Maand' },
  election: { en: 'Council election', nl: 'Raadsverkiezing' },
  elections: { en: 'council elections (every four years)', nl: 'raadsverkiezingen (om de vier jaar)' },
  abolition: { en: 'WGR-plus abolished', nl: 'WGR-plus afgeschaft' },
  mean: { en: 'Mean', nl: 'Gemiddelde' },
  runs: { en: 'Runs', nl: 'Runs' },
  run: { en: 'Run', nl: 'Run' },
  n: { en: 'Number of runs', nl: 'Aantal runs' },
  lower: { en: 'Lower bound', nl: 'Ondergrens' },
  upper: { en: 'Upper bound', nl: 'Bovengrens' },
  overTime: { en: 'over time', nl: 'in de tijd' },
  bandRuns: {
    en: 'Line: mean of {n} runs per scenario; band: the middle 95% of the runs.',
    nl: 'Lijn: gemiddelde van {n} runs per scenario; band: de middelste 95% van de runs.',
  },
  bandMean: {
    en: 'Line: mean of {n} runs per scenario; band: 95% confidence interval of the mean.',
    nl: 'Lijn: gemiddelde van {n} runs per scenario; band: 95%-betrouwbaarheidsinterval van het gemiddelde.',
  },
  markersNote: {
    en: 'Dashed lines: council elections (March); solid line: WGR-plus abolished (January 2015).',
    nl: 'Gestreepte lijnen: raadsverkiezingen (maart); doorgetrokken lijn: WGR-plus afgeschaft (januari 2015).',
  },
  markersElections: { en: 'Dashed lines: council elections (March).', nl: 'Gestreepte lijnen: raadsverkiezingen (maart).' },
  singleRun: { en: 'One run (seed {seed}).', nl: 'Eén run (seed {seed}).' },
  distributionTitle: { en: '{measure}: outcome per run', nl: '{measure}: uitkomst per run' },
  distributionSubtitle: {
    en: 'Each dot is one run ({n} per scenario). Box: middle half of the runs; line in the box: median.',
    nl: 'Elke stip is één run ({n} per scenario). Doos: middelste helft van de runs; streep in de doos: mediaan.',
  },
  median: { en: 'Median', nl: 'Mediaan' },
  q1: { en: 'First quartile', nl: 'Eerste kwartiel' },
  q3: { en: 'Third quartile', nl: 'Derde kwartiel' },
  forestTitle: { en: 'Difference from {reference}, with 95% confidence intervals', nl: 'Verschil met {reference}, met 95%-betrouwbaarheidsintervallen' },
  forestSubtitle: { en: 'Per outcome: scenario minus reference ({paired}).', nl: 'Per uitkomst: scenario min referentie ({paired}).' },
  forestSignificance: {
    en: 'Filled dot: significant after Holm correction (p < 0.05); open dot: not significant.',
    nl: 'Gevulde stip: significant na Holm-correctie (p < 0,05); open stip: niet significant.',
  },
  pairedRuns: { en: 'paired runs with the same seeds', nl: 'gepaarde runs met dezelfde seeds' },
  unpairedRuns: { en: 'independent runs', nl: 'onafhankelijke runs' },
  difference: { en: 'Difference', nl: 'Verschil' },
  differenceIn: { en: 'Difference ({unit})', nl: 'Verschil ({unit})' },
  reference: { en: 'Reference', nl: 'Referentie' },
  pHolm: { en: 'p (Holm)', nl: 'p (Holm)' },
  significant: { en: 'Significant', nl: 'Significant' },
  yes: { en: 'yes', nl: 'ja' },
  no: { en: 'no', nl: 'nee' },
  shareBetter: { en: 'Share of pairs better', nl: 'Aandeel paren beter' },
  survivalTitle: { en: 'How long do arrangements and memberships last?', nl: 'Hoe lang houden samenwerkingsverbanden en lidmaatschappen stand?' },
  survivalSubtitle: {
    en: 'Kaplan-Meier estimate with 95% confidence band, pooled over all runs; censored at the end of the run or when a scenario event ends it.',
    nl: 'Kaplan-Meier-schatting met 95%-betrouwbaarheidsband, over alle runs samen; gecensureerd aan het eind van de run of bij beëindiging door een scenariogebeurtenis.',
  },
  monthsSinceStart: { en: 'Months since the start of the spell', nl: 'Maanden sinds het begin' },
  stillActive: { en: 'Still active (share)', nl: 'Nog actief (aandeel)' },
  arrangement: { en: 'Arrangements', nl: 'Samenwerkingsverbanden' },
  membership: { en: 'Memberships', nl: 'Lidmaatschappen' },
  atRisk: { en: 'At risk', nl: 'Nog actief (aantal)' },
  months: { en: 'Months', nl: 'Maanden' },
  trustTitle: { en: 'Trust between municipalities (trust 0-1)', nl: 'Vertrouwen tussen gemeenten (vertrouwen 0-1)' },
  trustSubtitle: {
    en: 'Row: the municipality that trusts; column: the one it trusts. Ordered by population, largest first.',
    nl: 'Rij: de gemeente die vertrouwt; kolom: de gemeente die zij vertrouwt. Geordend naar inwonertal, grootste eerst.',
  },
  trustSubtitleCustom: {
    en: 'Row: the municipality that trusts; column: the one it trusts.',
    nl: 'Rij: de gemeente die vertrouwt; kolom: de gemeente die zij vertrouwt.',
  },
  trusting: { en: 'Municipality that trusts', nl: 'Gemeente die vertrouwt' },
  trusted: { en: 'Municipality trusted', nl: 'Vertrouwde gemeente' },
  trust: { en: 'Trust', nl: 'Vertrouwen' },
  personal: { en: 'Personal', nl: 'Persoonlijk' },
  institutional: { en: 'Institutional', nl: 'Institutioneel' },
  start: { en: 'start', nl: 'begin' },
  end: { en: 'end', nl: 'eind' },
  mapTitle: { en: '{measure} per municipality ({unit})', nl: '{measure} per gemeente ({unit})' },
  mapSubtitle: { en: 'Mean over {n} runs per scenario.', nl: 'Gemiddelde over {n} runs per scenario.' },
  mapSubtitleRun: { en: 'One run (seed {seed}).', nl: 'Eén run (seed {seed}).' },
  municipality: { en: 'Municipality', nl: 'Gemeente' },
  population: { en: 'Population', nl: 'Inwoners' },
  morrisTitle: { en: 'Which parameters matter for {measure}? (Morris screening)', nl: 'Welke parameters doen ertoe voor {measure}? (Morris-screening)' },
  morrisSubtitle: {
    en: 'Right: large overall effect. Up: the effect depends on other parameters or is non-linear.',
    nl: 'Rechts: groot effect. Hoger: het effect hangt af van andere parameters of is niet-lineair.',
  },
  morrisNamed: {
    en: 'Named: the {k} largest effects with room for a label; hover over a dot for the others.',
    nl: 'Met naam: de {k} grootste effecten waar plaats is; ga met de muis over een stip voor de andere.',
  },
  muStar: { en: 'mu* (mean absolute effect, {unit})', nl: 'mu* (gemiddeld absoluut effect, {unit})' },
  sigma: { en: 'sigma (spread of the effect, {unit})', nl: 'sigma (spreiding van het effect, {unit})' },
  parameter: { en: 'Parameter', nl: 'Parameter' },
  sobolTitle: { en: 'Share of the variance of {measure} per parameter (Sobol)', nl: 'Aandeel in de variantie van {measure} per parameter (Sobol)' },
  sobolSubtitle: {
    en: 'First-order index S1: the parameter alone. Total index ST: including interactions. Lines: 95% intervals.',
    nl: 'Eerste-orde-index S1: de parameter alleen. Totale index ST: inclusief interacties. Lijnen: 95%-intervallen.',
  },
  sobolCut: {
    en: 'Intervals running past the axis are cut off: too few runs for precise indices (increase -n).',
    nl: 'Intervallen die buiten de as lopen zijn afgekapt: te weinig runs voor precieze indices (verhoog -n).',
  },
  sobolAxis: { en: 'Sobol index (share of variance)', nl: 'Sobol-index (aandeel variantie)' },
  index: { en: 'Index', nl: 'Index' },
  s1: { en: 'S1 (first order)', nl: 'S1 (eerste orde)' },
  st: { en: 'ST (total)', nl: 'ST (totaal)' },
  timelineTitle: { en: 'What happened in one run: {scenario}, seed {seed}', nl: 'Wat er gebeurde in één run: {scenario}, seed {seed}' },
  timelineSubtitle: { en: 'One mark per month and kind of event; larger marks: more events that month.', nl: 'Eén teken per maand en soort gebeurtenis; grotere tekens: meer gebeurtenissen die maand.' },
  event: { en: 'Event', nl: 'Gebeurtenis' },
  count: { en: 'Number', nl: 'Aantal' },
  municipalities: { en: 'Municipalities', nl: 'Gemeenten' },
  arrangementName: { en: 'Arrangement', nl: 'Samenwerkingsverband' },
  detail: { en: 'Detail', nl: 'Toelichting' },
  eventRateTitle: { en: '{measure} per quarter ({unit} per run)', nl: '{measure} per kwartaal ({unit} per run)' },
  eventRateSubtitle: {
    en: 'Mean over {n} runs per scenario. Do they cluster around the council elections?',
    nl: 'Gemiddelde over {n} runs per scenario. Vallen ze samen met de raadsverkiezingen?',
  },
  perQuarter: { en: 'Per quarter (mean per run)', nl: 'Per kwartaal (gemiddeld per run)' },
  quarter: { en: 'Quarter', nl: 'Kwartaal' },
  point: { en: 'point {point}', nl: 'punt {point}' },
  firstPointNote: { en: 'First parameter point of each scenario.', nl: 'Eerste parameterpunt van elk scenario.' },
} as const satisfies Record<string, Bi>;

export type TextKey = keyof typeof TEXT;

/** A fixed phrase with `{name}` placeholders filled in. */
export function t(key: TextKey, lang: Lang, vars: Record<string, string | number> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The keys of TEXT (for tests). */
export const TEXT_KEYS = Object.keys(TEXT) as TextKey[];
