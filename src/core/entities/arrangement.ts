/**
 * Arrangements (samenwerkingsverbanden): kinds, their default properties, and the runtime record.
 */
import type { Domain } from '../domains.js';
import type { ParamUnit } from '../param-units.js';

export const ARRANGEMENT_KINDS = ['wgr-plus', 'gr', 'modular-gr', 'basiscoalitie', 'network', 'convenant', 'centrumgemeente'] as const;
export type ArrangementKind = (typeof ARRANGEMENT_KINDS)[number];
/** The kinds municipalities may form themselves unless a scenario says otherwise: every voluntary kind but the centrumgemeente (which one member runs for the others). */
export const FORMATION_KINDS: readonly ArrangementKind[] = ['network', 'convenant', 'basiscoalitie', 'modular-gr', 'gr'];

/** How a table decides: binding (weighted) majority, consensus, or a coalition of the willing. */
export type DecisionRule = 'majority' | 'consensus' | 'willing';
/** What holds the institutional memory: a bureau (hub), a secretary, or nothing. */
export type Secretariat = 'hub' | 'secretary' | 'none';

export interface KindProperties {
  readonly description: string;
  readonly decisionRule: DecisionRule;
  readonly mandatory: boolean;
  readonly secretariat: Secretariat;
  /** Bindingness in [0,1]: how much autonomy a member gives up per unit of cost committed. */
  readonly binding: number;
  /** Months between meetings at which decisions are taken. */
  readonly meetingInterval: number;
  /** Open agenda items the table can carry at once. */
  readonly agendaCapacity: number;
  /** Coordination FTE per member per month (meetings, bureau, secretary). */
  readonly overheadFte: number;
  /** Money overhead, EUR per inhabitant of the members per year (bureau budget). */
  readonly overheadEuroPerCapita: number;
  /** Exit cost as months of the member's overhead contribution (0: free to leave). */
  readonly exitCostMonths: number;
  /** Execution coordination quality in [0,1] of projects run through this table. */
  readonly coordination: number;
  /** Discount on ad hoc search cost between its members (network: they know where to find each other). */
  readonly searchDiscount: number;
  /** Whether a member may hold only some of the domains (modules). */
  readonly modular: boolean;
}

/** The numeric properties of a kind: model parameters `kind.<kind>.<property>` (src/core/params.ts). */
export const KIND_NUMERIC = ['binding', 'meetingInterval', 'agendaCapacity', 'overheadFte', 'overheadEuroPerCapita', 'exitCostMonths', 'coordination', 'searchDiscount'] as const;
export type KindNumeric = (typeof KIND_NUMERIC)[number];

/** Unit, bounds and meaning (in English and, `nl`, in Dutch) of each numeric kind property (for the parameter registry and the scenario schema). */
export const KIND_NUMERIC_SPECS: Readonly<Record<KindNumeric, { unit: ParamUnit; min: number; max: number; integer?: true; meaning: string; nl: string }>> = {
  binding: { unit: 'index 0-1', min: 0, max: 1, meaning: 'How much autonomy a member gives up per unit of cost it commits at this table (multiplies the autonomy cost in the decision).', nl: 'Hoeveel autonomie een deelnemer inlevert per eenheid kosten die hij aan deze tafel toezegt (vermenigvuldigt de autonomiekosten in zijn afweging).' },
  meetingInterval: { unit: 'months', min: 1, max: 24, integer: true, meaning: 'Months between the meetings at which the table decides.', nl: 'Aantal maanden tussen de vergaderingen waarin de tafel besluit.' },
  agendaCapacity: { unit: 'tasks', min: 0, max: 200, integer: true, meaning: 'Open agenda items the table can carry at once (0: no table, projects are ad hoc).', nl: 'Aantal openstaande agendapunten dat de tafel tegelijk aankan (0: geen tafel, projecten komen los tot stand).' },
  overheadFte: { unit: 'FTE per member per month', min: 0, max: 10, meaning: 'Coordination effort each member spends on the arrangement (meetings, bureau, secretary).', nl: 'Inzet voor afstemming die elke deelnemer aan het samenwerkingsverband besteedt (vergaderingen, bureau, secretaris).' },
  overheadEuroPerCapita: { unit: 'EUR per inhabitant per year', min: 0, max: 1000, meaning: 'Money each member contributes to the arrangement\'s bureau, per inhabitant.', nl: 'Geld dat elke deelnemer per inwoner bijdraagt aan het bureau van het samenwerkingsverband.' },
  exitCostMonths: { unit: 'months of overhead', min: 0, max: 120, meaning: 'Cost of leaving, as months of the member\'s overhead contribution.', nl: 'Kosten van uittreden, uitgedrukt in maanden van de overheadbijdrage van de deelnemer.' },
  coordination: { unit: 'index 0-1', min: 0, max: 1, meaning: 'Coordination quality of the projects run through this table (multiplies their success).', nl: 'Coördinatiekwaliteit van de projecten die via deze tafel lopen (vermenigvuldigt hun succes).' },
  searchDiscount: { unit: 'factor', min: 0, max: 1, meaning: 'Factor on the search and negotiation cost of ad hoc projects between members.', nl: 'Factor op de zoek- en onderhandelingskosten van losse projecten tussen de leden.' },
};

/** Why each kind's defaults are what they are (the justification of its parameters). */
export const KIND_JUSTIFICATIONS: Readonly<Record<ArrangementKind, string>> = {
  'wgr-plus': 'Argued guess for the mandatory city region: a bureau of its own staff and central funds (BDU) give the best coordination and the highest overhead; binding majority; a large agenda (seed 000, seed 001: the city regions "functioned well").',
  gr: 'Argued guess for a voluntary public body such as the MRDH: a bureau and binding majority like the city region, somewhat less overhead, and a costly exit (Wgr: leaving a GR costs the leaver its share of obligations).',
  'modular-gr': 'Argued guess for a minimal GR with opt-in modules: a small core bureau, majority voting among module members, a cheap exit per module (brief, scenarios).',
  basiscoalitie: 'Argued guess for a periodic meeting of aldermen with a secretary (lesson 1, seed 001): little overhead and no budget, no binding decisions, meetings every two months.',
  network: 'Argued guess for an ad hoc network: no table (projects found one by one) and no secretariat; members know where to find each other, so searching costs half.',
  convenant: 'Argued guess for a written but non-binding agreement: a quarterly table deciding by consensus, no secretariat.',
  centrumgemeente: 'Argued guess for a centrumgemeente: the largest member executes for the others, whose staff act as a hub; a costly exit.',
};

/**
 * The same properties as one object literal in a fixed key order, whatever order the scenario,
 * the kind defaults or a change event gave them in: every arrangement's props share one V8 layout,
 * so the hot loops that read them stay monomorphic (issue 14). Values are copied as they are.
 */
export function propsOf(p: KindProperties): KindProperties {
  return {
    description: p.description,
    decisionRule: p.decisionRule,
    mandatory: p.mandatory,
    secretariat: p.secretariat,
    binding: p.binding,
    meetingInterval: p.meetingInterval,
    agendaCapacity: p.agendaCapacity,
    overheadFte: p.overheadFte,
    overheadEuroPerCapita: p.overheadEuroPerCapita,
    exitCostMonths: p.exitCostMonths,
    coordination: p.coordination,
    searchDiscount: p.searchDiscount,
    modular: p.modular,
  };
}

/** The properties of an arrangement of a kind under the given parameters: the kind's structure with its numeric properties from `kind.<kind>.<property>`. */
export function kindProperties(kind: ArrangementKind, params: Readonly<Record<string, number>>): KindProperties {
  const out: Record<string, unknown> = { ...KIND_DEFAULTS[kind] };
  for (const prop of KIND_NUMERIC) out[prop] = params[`kind.${kind}.${prop}`] ?? KIND_DEFAULTS[kind][prop];
  return out as unknown as KindProperties;
}

export const KIND_DEFAULTS: Record<ArrangementKind, KindProperties> = {
  'wgr-plus': {
    description: 'Mandatory city region (WGR-plus, 2006-2014): binding majority, bureau, central funds.',
    decisionRule: 'majority', mandatory: true, secretariat: 'hub', binding: 1, meetingInterval: 1, agendaCapacity: 20,
    overheadFte: 0.4, overheadEuroPerCapita: 5, exitCostMonths: 0, coordination: 0.95, searchDiscount: 1, modular: false,
  },
  gr: {
    description: 'Voluntary public body (gemeenschappelijke regeling): bureau, binding majority, costly exit.',
    decisionRule: 'majority', mandatory: false, secretariat: 'hub', binding: 0.8, meetingInterval: 1, agendaCapacity: 15,
    overheadFte: 0.3, overheadEuroPerCapita: 3, exitCostMonths: 24, coordination: 0.92, searchDiscount: 1, modular: false,
  },
  'modular-gr': {
    description: 'Minimal GR (principle agreement plus core tasks) with opt-in modules per domain; module members decide by majority; cheap exit per module.',
    decisionRule: 'majority', mandatory: false, secretariat: 'hub', binding: 0.5, meetingInterval: 1, agendaCapacity: 12,
    overheadFte: 0.15, overheadEuroPerCapita: 1.5, exitCostMonths: 3, coordination: 0.9, searchDiscount: 1, modular: true,
  },
  basiscoalitie: {
    description: 'Periodic meeting of the responsible aldermen supported by a secretary; no budget; the willing go ahead.',
    decisionRule: 'willing', mandatory: false, secretariat: 'secretary', binding: 0.2, meetingInterval: 2, agendaCapacity: 10,
    overheadFte: 0.08, overheadEuroPerCapita: 0.3, exitCostMonths: 0, coordination: 0.85, searchDiscount: 1, modular: false,
  },
  network: {
    description: 'Ad hoc network: project by project, no secretariat; each project carries its own (reduced) search cost.',
    decisionRule: 'willing', mandatory: false, secretariat: 'none', binding: 0.1, meetingInterval: 1, agendaCapacity: 0,
    overheadFte: 0.02, overheadEuroPerCapita: 0, exitCostMonths: 0, coordination: 0.78, searchDiscount: 0.5, modular: false,
  },
  convenant: {
    description: 'Written but non-binding agreement: a table that meets quarterly, consensus, no secretariat.',
    decisionRule: 'consensus', mandatory: false, secretariat: 'none', binding: 0.3, meetingInterval: 3, agendaCapacity: 6,
    overheadFte: 0.04, overheadEuroPerCapita: 0, exitCostMonths: 0, coordination: 0.8, searchDiscount: 1, modular: false,
  },
  centrumgemeente: {
    description: 'One member (the largest) executes for the others, who are consulted; its staff act as the hub.',
    decisionRule: 'willing', mandatory: false, secretariat: 'hub', binding: 0.6, meetingInterval: 1, agendaCapacity: 12,
    overheadFte: 0.1, overheadEuroPerCapita: 2, exitCostMonths: 12, coordination: 0.9, searchDiscount: 1, modular: false,
  },
};

/** Runtime record of one arrangement. Member lists hold municipality indices in ascending order. */
export interface Arrangement {
  readonly id: string;
  readonly name: string;
  readonly kind: ArrangementKind;
  props: KindProperties;
  /** Domains on the table. */
  domains: Domain[];
  /** Members; for modular arrangements the members of the core agreement. */
  members: number[];
  /** For modular arrangements: the members of each module (domain). */
  modules: Map<Domain, number[]>;
  /** Central funding per domain, EUR per inhabitant per year (e.g. the BDU transport grant). */
  funding: Map<Domain, number>;
  /** Share of a funded task's cost the central funds pay. */
  fundShare: number;
  /** Month (absolute) the arrangement started and, when dissolved, ended. */
  start: number;
  end: number | null;
  endReason: string | null;
  /** Whether it was formed by the model (true) or set by the scenario (false). */
  emergent: boolean;
  /** Month of the last decision taken at the table. */
  lastDecision: number;
  /** Month of the last decision that passed (a task taken on), or -Infinity. */
  lastPassed: number;
  /** Members whose population share at formation makes them key (their exit dissolves the arrangement). */
  keyMembers: number[];
  /** Geographic centre: the initiator of an emergent arrangement, else the most populous member. */
  centre: number;
  /** Open agenda: task ids waiting for a decision at this table. */
  agenda: number[];
  /** First month (absolute) after its start-up; until then it costs in full but works at reduced strength (parameter startupQuality). */
  startupUntil: number;
  /** Months its start-up lasts (0: none). */
  startupLength: number;
  /** Whether a kwartiermaker builds it (shorter start-up, at a cost of kwartiermakerFte). */
  kwartiermaker: boolean;
  /** Per member: grievances from what it experienced at this table (losses when bound against its interest, value lost to partners' shortfalls), M EUR, decaying. */
  grievance: Map<number, number>;
  /** Month each current member joined (index by municipality), for membership spells. */
  memberSince: Map<string, number>;
  /**
   * Value and cost per member since the last election, for value-for-money reviews: keys
   * `<municipality>` for the whole membership and `<municipality>:<domain>` per module.
   */
  termValue: Map<string, number>;
  termCost: Map<string, number>;
}

export function isActive(a: Arrangement): boolean {
  return a.end === null;
}

/** Members that take part in decisions on a domain (module members for modular arrangements). */
export function membersFor(a: Arrangement, domain: Domain): number[] {
  if (!a.domains.includes(domain)) return [];
  if (a.props.modular) return a.modules.get(domain) ?? [];
  return a.members;
}


export function insertSorted(list: number[], value: number): void {
  if (list.includes(value)) return;
  let i = 0;
  while (i < list.length && list[i]! < value) i++;
  list.splice(i, 0, value);
}

export function removeValue(list: number[], value: number): boolean {
  const i = list.indexOf(value);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}

/** Adds to a per-member account (term value or cost), for the membership and, in a modular arrangement, the module. */
export function account(map: Map<string, number>, a: Arrangement, m: number, domain: Domain | null, amount: number): void {
  map.set(`${m}`, (map.get(`${m}`) ?? 0) + amount);
  if (domain && a.props.modular) map.set(`${m}:${domain}`, (map.get(`${m}:${domain}`) ?? 0) + amount);
}

/** Coordination FTE a member spends on an arrangement per month (modular: the core share plus the modules taken; parameter modularCoreShare). */
export function overheadFteOf(a: Arrangement, m: number, coreShare: number): number {
  if (!a.props.modular) return a.props.overheadFte;
  let taken = 0;
  for (const list of a.modules.values()) if (list.includes(m)) taken++;
  return a.props.overheadFte * (coreShare + ((1 - coreShare) * taken) / Math.max(1, a.domains.length));
}
