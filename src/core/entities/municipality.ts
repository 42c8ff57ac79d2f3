/** Municipalities (gemeenten): the agents. */
import { DOMAINS } from '../domains.js';

export interface Municipality {
  readonly index: number;
  readonly code: string;
  readonly name: string;
  readonly population: number;
  /** Indices of neighbouring municipalities in the region (ascending). */
  readonly neighbours: number[];
  /** Interest weight per domain (mean 1 over domains): how much regional solutions in a domain matter to it. */
  readonly interest: Float64Array;
  /** Autonomy preference in [0,1]. */
  readonly autonomy: number;
  /** Regional capacity before austerity, FTE (FTE-months per month). */
  readonly capacityBase: number;
  /** Civil servants in regional work (whole persons, at least 1). */
  readonly staff: number;
  /** Council stance toward regional cooperation in [0,1]; sets the alderman's mandate. */
  stance: number;
  /** Month (absolute) the current gemeentesecretaris took office. */
  secretarySince: number;
  /** Relationship and knowledge stock of its staff in [0,1]. */
  relationship: number;
  /** Work committed to running projects, FTE per month. */
  load: number;
  /** Coordination effort this month, FTE. */
  coordination: number;
  /** Value received and cost paid for cooperation since the last election (M EUR), for the new council's judgement. */
  termValue: number;
  termCost: number;
  /** Unmet stake per domain (M EUR, decaying): value of tasks that lapsed or failed for lack of a table. */
  readonly unmet: Float64Array;
  /** Value received within the evaluation window (M EUR). */
  valueEval: number;
  /** What cooperation cost it within the evaluation window (M EUR): project money, overhead money, delivery and coordination staff; and the central funds paid toward its project costs. */
  readonly accounts: CooperationAccounts;
  /** Value received per month over the last 12 months (ring buffer, M EUR). */
  readonly valueRecent: Float64Array;
  /** Its delivery record as its partners see it in [0,1]: delivered over due work on finished projects, a moving average (starts at 1). */
  record: number;
  /** Factor on its regional capacity from its own austerity choices (1 when it never cut regional work harder than the rest). */
  capacityFactor: number;
  /** Whether its college has a regional leader: an alderman who carries the regional agenda (1) or not (0); redrawn in part at elections. */
  leader: number;
}

export interface CooperationAccounts {
  projectMoney: number;
  overheadMoney: number;
  deliveryStaff: number;
  coordinationStaff: number;
  centralFunds: number;
}

/** Its costs of cooperation in the window, M EUR. */
export function costOf(a: CooperationAccounts): number {
  return a.projectMoney + a.overheadMoney + a.deliveryStaff + a.coordinationStaff;
}

/**
 * One object literal with every field in a fixed order, so every municipality of every run shares one
 * V8 layout (hidden class) and property reads in the hot loops stay monomorphic. Object spread here
 * gave each run's municipalities layouts of their own and deoptimised the code that reads them (issue 14).
 */
export function newMunicipality(init: Omit<Municipality, 'unmet' | 'valueRecent' | 'load' | 'coordination' | 'termValue' | 'termCost' | 'valueEval' | 'accounts' | 'record' | 'capacityFactor'>): Municipality {
  return {
    index: init.index,
    code: init.code,
    name: init.name,
    population: init.population,
    neighbours: init.neighbours,
    interest: init.interest,
    autonomy: init.autonomy,
    capacityBase: init.capacityBase,
    staff: init.staff,
    stance: init.stance,
    secretarySince: init.secretarySince,
    relationship: init.relationship,
    load: 0,
    coordination: 0,
    termValue: 0,
    termCost: 0,
    unmet: new Float64Array(DOMAINS.length),
    valueEval: 0,
    accounts: { projectMoney: 0, overheadMoney: 0, deliveryStaff: 0, coordinationStaff: 0, centralFunds: 0 },
    valueRecent: new Float64Array(12),
    record: 1,
    capacityFactor: 1,
    leader: init.leader,
  };
}
