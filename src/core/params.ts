/**
 * Every model parameter: name, default, unit, declared bounds (used for validation and as the
 * default ranges of sensitivity analysis), meaning and justification. docs/ODD.md is generated
 * from the same facts and must agree with this table (a test checks that every name appears there).
 */
import { ARRANGEMENT_KINDS, KIND_DEFAULTS, KIND_JUSTIFICATIONS, KIND_NUMERIC, KIND_NUMERIC_SPECS, type ArrangementKind, type KindNumeric } from './entities/arrangement.js';
import { closest, describeValue, type Problem } from './problems.js';

/** The groups of the registry, in the order `regiosim params` and docs/ODD.md section 8 list them. */
export const PARAM_GROUPS = ['tasks', 'capacity', 'decision', 'adhoc', 'execution', 'trust', 'staff', 'elections', 'structure', 'money', 'kinds'] as const;
export type ParamGroup = (typeof PARAM_GROUPS)[number];

export interface ParamSpec {
  readonly default: number;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  /**
   * The default range of sensitivity analysis when narrower than the bounds: the bounds say what
   * a value may be, this what is plausible (kind properties allow wide values for own scenarios).
   */
  readonly range?: { readonly min: number; readonly max: number };
  readonly group: ParamGroup;
  readonly meaning: string;
  readonly justification: string;
}

const p = (spec: ParamSpec): ParamSpec => spec;

const BASE_PARAMS = {
  // ---------------------------------------------------------------- tasks
  taskRatePerMunicipality: p({ default: 0.1, unit: 'tasks per municipality per month', min: 0.01, max: 0.5, group: 'tasks',
    meaning: 'Mean arrival rate of regional tasks (opgaven), all domains together, before domain multipliers.',
    justification: 'Calibrated to the order of the public figures (docs/ODD.md, section 10): one regional dossier per municipality per ten months gives Haaglanden (9) about 11 substantial dossiers a year (more after the 2015 decentralisation), and a municipality some 5 to 14 standing memberships and running joint projects; twice that makes small members\' capacity fall short in most months and Rivierenland\'s projects cost more than they bring.' }),
  shareHousing: p({ default: 0.25, unit: 'share', min: 0, max: 1, group: 'tasks', meaning: 'Share of tasks in housing (wonen).', justification: 'WGR-plus core domain; argued guess.' }),
  shareTransport: p({ default: 0.3, unit: 'share', min: 0, max: 1, group: 'tasks', meaning: 'Share of tasks in traffic and transport.', justification: 'The largest WGR-plus domain by money (BDU), seed 000.' }),
  shareEconomy: p({ default: 0.2, unit: 'share', min: 0, max: 1, group: 'tasks', meaning: 'Share of tasks in economy.', justification: 'WGR-plus core domain; argued guess.' }),
  shareSocial: p({ default: 0.1, unit: 'share', min: 0, max: 1, group: 'tasks', meaning: 'Share of tasks in the social domain before the 2015 decentralisation (scenario events raise it).', justification: 'Small before 2015; youth care, work and care were decentralised in 2015 (seed 001).' }),
  shareOperations: p({ default: 0.15, unit: 'share', min: 0, max: 1, group: 'tasks', meaning: 'Share of tasks in operations (bedrijfsvoering).', justification: 'Shared services are a common reason to cooperate (seed 004); argued guess.' }),
  taskWorkMedian: p({ default: 8, unit: 'FTE-months', min: 1, max: 50, group: 'tasks', meaning: 'Median staff work a task needs over its whole duration (log-normal).', justification: 'Argued guess: a regional dossier occupies a few civil servants part-time for about a year.' }),
  taskWorkSigma: p({ default: 0.7, unit: 'log-scale sd', min: 0, max: 2, group: 'tasks', meaning: 'Spread of task work.', justification: 'Argued guess: dossiers differ several-fold in size.' }),
  taskBudgetMedian: p({ default: 2, unit: 'M EUR', min: 0.1, max: 50, group: 'tasks', meaning: 'Median investment budget of a task (log-normal), shared by the participants by population.', justification: 'Argued guess: regional projects of a few million euro; the BDU-funded transport projects are larger.' }),
  taskBudgetSigma: p({ default: 1, unit: 'log-scale sd', min: 0, max: 2, group: 'tasks', meaning: 'Spread of task budgets.', justification: 'Argued guess.' }),
  benefitCostMedian: p({ default: 1.4, unit: 'ratio', min: 0.5, max: 4, group: 'tasks', meaning: 'Median ratio of regional value to total cost of a task (log-normal).', justification: 'Regional tasks are worth doing on average ("de taart samen groter maken", seed 003), but not all are.' }),
  benefitCostSigma: p({ default: 0.5, unit: 'log-scale sd', min: 0, max: 1.5, group: 'tasks', meaning: 'Spread of the benefit-cost ratio.', justification: 'Argued guess: some tasks lose money for the region as a whole.' }),
  taskDurationMin: p({ default: 6, unit: 'months', min: 1, max: 36, integer: true, group: 'tasks', meaning: 'Shortest execution time of a task; urgent tasks are shorter.', justification: 'Argued guess.' }),
  taskDurationMax: p({ default: 24, unit: 'months', min: 1, max: 60, integer: true, group: 'tasks', meaning: 'Longest execution time of a task.', justification: 'Argued guess: most regional projects are carried out within two years.' }),
  taskPatience: p({ default: 12, unit: 'months', min: 1, max: 48, integer: true, group: 'tasks', meaning: 'How long a task waits to be taken up or decided before it lapses (less for urgent tasks).', justification: 'Argued guess: a dossier not handled within a year loses its window.' }),
  localityDecay: p({ default: 0.35, unit: 'factor per neighbour step', min: 0, max: 1, group: 'tasks', meaning: 'A task located in A benefits a municipality k neighbour steps away with weight localityDecay^k (up to 3 steps).', justification: '"A road through A serves B": benefits are geographic (seed 003: partners are nearby).' }),
  beneficiaryMinShare: p({ default: 0.05, unit: 'share of task value', min: 0, max: 0.5, group: 'tasks', meaning: 'Municipalities whose share of a task\'s value is below this are not counted as its beneficiaries (the location always is).', justification: 'A regional task matters to a handful of municipalities, not to everyone; argued guess.' }),
  interestSd: p({ default: 0.5, unit: 'log-scale sd', min: 0, max: 1.5, group: 'tasks', meaning: 'Heterogeneity of municipalities\' interest weights per domain.', justification: 'Interests of members are unequal (brief); argued guess.' }),
  benefitPopulationExponent: p({ default: 0.7, unit: 'exponent', min: 0, max: 1.5, group: 'tasks', meaning: 'Benefit of a task to a municipality scales with population^exponent.', justification: 'Larger municipalities gain more in absolute terms, less than proportionally; argued guess.' }),
  locationPopulationExponent: p({ default: 0.5, unit: 'exponent', min: 0, max: 1.5, group: 'tasks', meaning: 'Tasks are located in a municipality with probability proportional to population^exponent.', justification: 'Cities generate more regional tasks, less than in proportion to size; argued guess.' }),
  // ---------------------------------------------------------------- capacity
  regionalFtePer10k: p({ default: 2, unit: 'FTE per 10,000 inhabitants', min: 0.2, max: 10, group: 'capacity', meaning: 'Staff capacity a municipality can spend on regional work.', justification: 'About 7 FTE per 1,000 inhabitants in all, of which a few percent on regional dossiers; argued guess.' }),
  fteMonthCost: p({ default: 0.008, unit: 'M EUR per FTE-month', min: 0.004, max: 0.015, group: 'capacity', meaning: 'Cost of one FTE-month of municipal staff, used to price work and coordination.', justification: 'About EUR 96,000 a year for a fully loaded civil servant.' }),
  taskFixedFte: p({ default: 0.25, unit: 'FTE per participant per month', min: 0, max: 2, group: 'capacity', meaning: 'Work every participant of a joint project does while it runs, whatever its size (its seat in the project group), on top of its population share of the task\'s work.', justification: 'Each partner sends someone to the project group, about a day a week, so regional work weighs on small municipalities more than in proportion to their size (seed 000: capacity for regional work "is, given the shrunken civil services, not to be taken for granted"); argued guess.' }),
  austerityOwnReturn: p({ default: 1, unit: 'value per euro', min: 0, max: 5, group: 'capacity', meaning: 'Under a staff cut a municipality cuts its regional work first when cooperation brought it less value per euro over the current term than this (its own apparatus is taken to return this per euro).', justification: 'Stylized fact 7 (seed 001) as a choice rather than a rule: a municipality protects what pays off; a euro of its own apparatus is worth a euro (argued guess).' }),
  austerityRegionalDepth: p({ default: 2, unit: 'times the general cut', min: 0, max: 5, group: 'capacity', meaning: 'How deep a municipality that cuts its regional work first cuts its regional capacity, relative to the general staff cut (it also reviews its voluntary memberships at once).', justification: 'Regional work is discretionary and is cut before statutory tasks (seed 001, "Ambtenarenkrimp"); argued guess.' }),
  austerityProtectedDepth: p({ default: 0.5, unit: 'times the general cut', min: 0, max: 2, group: 'capacity', meaning: 'How deep a municipality that protects its regional work still cuts its regional capacity, relative to the general staff cut.', justification: 'Even protected work shares some of a general cut; argued guess.' }),
  overloadPenalty: p({ default: 1, unit: 'factor', min: 0, max: 5, group: 'capacity', meaning: 'Extra weight on cost when a new task would push a municipality\'s committed work above its capacity.', justification: 'Ingekrompen ambtelijke organisaties make regional capacity scarce (seed 000); argued guess.' }),
  // ---------------------------------------------------------------- decision
  altruism: p({ default: 0.5, unit: 'weight', min: 0, max: 1, group: 'decision', meaning: 'Weight of partners\' net gain (times trust) in a member\'s decision.', justification: '"Goed samenwerken vraagt ook het verdedigen van de belangen van de partners" (seed 003); argued guess.' }),
  autonomyWeight: p({ default: 0.4, unit: 'share of own cost', min: 0, max: 2, group: 'decision', meaning: 'Cost of autonomy given up, per unit of own cost, times the member\'s autonomy preference and the arrangement\'s bindingness.', justification: '"Samenwerken leidt nagenoeg altijd tot inleveren van eigen autonomie" (seed 002); argued guess.' }),
  autonomyMean: p({ default: 0.5, unit: 'index 0-1', min: 0, max: 1, group: 'decision', meaning: 'Mean autonomy preference of municipalities.', justification: 'Argued guess (neutral).' }),
  autonomySd: p({ default: 0.15, unit: 'index 0-1', min: 0, max: 0.5, group: 'decision', meaning: 'Spread of autonomy preference.', justification: 'Argued guess.' }),
  decisionNoise: p({ default: 0.3, unit: 'share of task value per member', min: 0, max: 2, group: 'decision', meaning: 'Idiosyncratic judgement of a member about a task (drawn at arrival, so shared across scenarios).', justification: 'Politics is not arithmetic; argued guess.' }),
  mandateScale: p({ default: 0.5, unit: 'share of own cost', min: 0, max: 2, group: 'decision', meaning: 'An alderman may accept a net loss up to mandateScale x council stance x own cost share without going back to the council (the kaders).', justification: 'Seed 002: decision makers need a mandate; argued guess.' }),
  majorityQuota: p({ default: 0.5, unit: 'share of votes', min: 0.3, max: 0.9, group: 'decision', meaning: 'Share of weighted votes a binding majority needs.', justification: 'Simple majority, as in the stadsregio general boards.' }),
  voteExponent: p({ default: 0.5, unit: 'exponent', min: 0, max: 1, group: 'decision', meaning: 'Votes are weighted by population^exponent.', justification: 'Stadsregio boards weighted votes by size with caps; the square root is a compromise (argued guess).' }),
  viabilityShare: p({ default: 0.5, unit: 'share of task value', min: 0.1, max: 1, group: 'decision', meaning: 'A coalition of the willing goes ahead only if its members hold at least this share of the task\'s value.', justification: 'Without the main beneficiaries a regional project is pointless; argued guess.' }),
  spillover: p({ default: 0.3, unit: 'share', min: 0, max: 1, group: 'decision', meaning: 'Share of its value a non-participating beneficiary still receives (free-riding).', justification: 'Regional goods are partly non-excludable; argued guess.' }),
  mandjeTrust: p({ default: 0, unit: 'trust 0-1', min: 0, max: 1, group: 'decision', meaning: 'Mean trust among the members needed to put a package deal (mandje) to a vote (0: none needed).', justification: 'Seed 001: "mandjes gaan uit van onderling wantrouwen": a package is a way to cooperate without trusting the other side, each getting its part in the same decision; what trust does is punish a broken deal (trustLossBrokenDeal). A higher value models the opposite assumption.' }),
  leadershipShare: p({ default: 0.3, unit: 'share of colleges', min: 0, max: 1, group: 'decision', meaning: 'Chance that a college has a regional leader: an alderman who believes in the cooperation and carries the regional agenda (drawn at the start and for each new college).', justification: 'Lesson 9 of seed 001 ("Organiseer regionaal leiderschap"): such leaders are needed and not everywhere; argued guess of about one college in three.' }),
  leadershipPersistence: p({ default: 0.5, unit: 'probability', min: 0, max: 1, group: 'decision', meaning: 'Chance that a regional leader stays in office at an election (otherwise the new college has one with probability leadershipShare): leadership is lost when the person leaves.', justification: 'About half of the aldermen do not return after an election (argued guess).' }),
  leadershipWeight: p({ default: 0.5, unit: 'factor', min: 0, max: 2, group: 'decision', meaning: 'A regional leader multiplies its municipality\'s chance of taking the lead on an ad hoc task by (1 + this), raises its chance of initiating an arrangement from stance s to s + (1 - s) x this / 2, and, when its municipality carries a task at a table (the largest stake), multiplies every member\'s mandate by (1 + this).', justification: 'Lesson 9 of seed 001: leaders who can bring others along carry the cooperation; argued guess.' }),
  leadershipAttempts: p({ default: 3, unit: 'attempts', min: 0, max: 12, integer: true, group: 'decision', meaning: 'Extra attempts a regional leader makes to assemble an ad hoc coalition for a task (beyond adhoc.attempts): it carries an agenda across months.', justification: 'Lesson 9 of seed 001; argued guess.' }),
  homeBaseFte: p({ default: 0.05, unit: 'FTE per membership per month', min: 0, max: 1, group: 'decision', meaning: 'Effort an alderman spends on keeping the council on board for each standing arrangement the municipality is in (briefings, raadsinformatie).', justification: 'Lesson of seed 001: manage the home base; argued guess of about a day a month.' }),
  homeBaseProtection: p({ default: 0.5, unit: 'share', min: 0, max: 1, group: 'decision', meaning: 'Share of the council stance lost when outvoted, and of a negative retrospective judgement at an election, that managing the home base prevents (with homeBaseFte above 0).', justification: 'A council kept informed does not turn against cooperation over one decision (seed 001); argued guess.' }),
  sharedUrgencyWeight: p({ default: 0.5, unit: 'factor', min: 0, max: 2, group: 'decision', meaning: 'Shared urgency U in [0,1) of a domain across the region (U = S / (S + formationPressure x n), S the region\'s unmet stakes in the domain) raises every member\'s mandate by the factor (1 + this x U).', justification: 'Lesson of seed 001: urgency shared across the region makes councils accept more; argued guess.' }),
  mandjeSpotWithoutSecretariat: p({ default: 0.3, unit: 'probability', min: 0, max: 1, group: 'decision', meaning: 'Chance that a possible mandje is spotted at a table without a secretariat (with one it always is).', justification: 'A secretariat sees the whole agenda; argued guess.' }),
  searchCost: p({ default: 1.5, unit: 'FTE-months', min: 0, max: 10, group: 'decision', meaning: 'Search and negotiation cost of assembling an ad hoc coalition, per partner approached, halved by good relationships (Feiock\'s transaction costs).', justification: 'Feiock (2013) Institutional Collective Action; argued guess.' }),
  'tc.information': p({ default: 1.5, unit: 'FTE-months per participant', min: 0, max: 10, group: 'decision', meaning: 'Information cost of a joint decision for each participant: finding out what a task brings and costs it (Feiock\'s transaction costs), paid in the month of the decision and weighed in each participant\'s utility.', justification: 'Feiock (2013), Institutional Collective Action: information costs; argued guess of a few weeks of a policy officer per dossier.' }),
  'tc.negotiation': p({ default: 0.5, unit: 'FTE-months per participant per partner', min: 0, max: 5, group: 'decision', meaning: 'Negotiation cost for each participant per other participant of a joint decision (more partners, more to agree), paid and weighed like tc.information.', justification: 'Feiock (2013): negotiation costs grow with the number of parties; argued guess.' }),
  'tc.enforcement': p({ default: 4, unit: 'FTE-months per participant', min: 0, max: 20, group: 'decision', meaning: 'Enforcement cost of a project for a participant that does not trust its partners at all under non-binding rules: monitoring them and making the agreement stick, times (1 - binding) x (1 - trust in the partners), spread over the project and weighed in the decision.', justification: 'Feiock (2013): enforcement costs fall with binding rules and with trust; argued guess.' }),
  'tc.tableDiscount': p({ default: 0.25, unit: 'share', min: 0, max: 1, group: 'decision', meaning: 'Share of the information and negotiation costs a standing table without a secretariat saves (its members meet anyway).', justification: 'A standing table is a forum where information is shared (Feiock 2013); argued guess.' }),
  'tc.secretaryDiscount': p({ default: 0.5, unit: 'share', min: 0, max: 1, group: 'decision', meaning: 'Share of the information and negotiation costs a table with a secretary (basiscoalitie) saves.', justification: 'The secretary prepares the dossiers and knows the positions (lesson 1, seed 001); argued guess.' }),
  'tc.hubDiscount': p({ default: 0.7, unit: 'share', min: 0, max: 1, group: 'decision', meaning: 'Share of the information and negotiation costs a table with a bureau (hub) saves.', justification: 'A bureau of its own prepares decisions for the board (seed 000: "een centraal punt waar veel kennis is"); argued guess.' }),
  freeRiding: p({ default: 0.5, unit: 'weight', min: 0, max: 1, group: 'decision', meaning: 'Where a member may stay out while the others go ahead (a coalition of the willing, ad hoc), it sets this share of the spill-over it would get anyway against its gain from taking part.', justification: 'Regional goods are partly non-excludable, which invites free-riding (Olson; brief, step 4); members see only part of their outside option (argued guess).' }),
  preparationCost: p({ default: 0.1, unit: 'FTE-months per member', min: 0, max: 2, group: 'decision', meaning: 'Cost for each member of preparing a decision on a standing table.', justification: 'Argued guess.' }),
  unconvincedCommitment: p({ default: 0.7, unit: 'probability', min: 0, max: 1, group: 'decision', meaning: 'Monthly chance that a member who voted against (or was outvoted) still delivers in full.', justification: 'Outvoted members under-deliver (brief, step 4); argued guess.' }),
  convincedCommitment: p({ default: 0.95, unit: 'probability', min: 0, max: 1, group: 'decision', meaning: 'Monthly chance that a member who voted for a task delivers in full.', justification: 'Argued guess.' }),
  shirkDelivery: p({ default: 0.3, unit: 'share', min: 0, max: 1, group: 'decision', meaning: 'Share of its due work a member delivers in a month in which it does not deliver in full.', justification: 'Argued guess.' }),
  tableShare: p({ default: 0.5, unit: 'share of task value', min: 0.05, max: 1, group: 'decision', meaning: 'A task goes to the table whose members (for the domain) together hold the largest share of its value, if that share is at least this; otherwise it stays without a table.', justification: 'A table takes up what matters to most of its members\' stake; a simple majority of the value is the neutral choice (argued guess, formerly a constant).' }),
  relationshipCoordination: p({ default: 0.1, unit: 'quality per unit of relationship stock', min: 0, max: 0.5, group: 'decision', meaning: 'A project\'s coordination quality is the table\'s (or the ad hoc route\'s) plus this times the participants\' mean relationship stock minus 0.5, clipped to 0-1.', justification: 'People who know each other coordinate better (brief, step 5); a modest effect (argued guess, formerly a constant).' }),
  // ---------------------------------------------------------------- ad hoc route
  'adhoc.coordination': p({ default: 0.75, unit: 'index 0-1', min: 0, max: 1, group: 'adhoc', meaning: 'Coordination quality of an ad hoc project (no table), before the relationship adjustment.', justification: 'Below every table (network 0.78): nobody coordinates a one-off coalition (argued guess, formerly a constant).' }),
  'adhoc.binding': p({ default: 0.1, unit: 'index 0-1', min: 0, max: 1, group: 'adhoc', meaning: 'Bindingness of an ad hoc agreement in the members\' autonomy cost.', justification: 'A project agreement binds a little (argued guess, formerly a constant).' }),
  'adhoc.urgencyWeight': p({ default: 0.5, unit: 'weight', min: 0, max: 1, group: 'adhoc', meaning: 'A municipality with the largest stake takes the lead with probability stance x (1 - w + w x urgency) x (1 - v + v x relationship stock); this is w.', justification: 'Urgency moves a municipality to act (brief, step 3); argued guess, formerly a constant.' }),
  'adhoc.relationshipWeight': p({ default: 0.5, unit: 'weight', min: 0, max: 1, group: 'adhoc', meaning: 'The weight v of the relationship stock in the probability of taking the lead (see adhoc.urgencyWeight).', justification: 'Knowing whom to call makes taking the lead easier (seed 002); argued guess, formerly a constant.' }),
  'adhoc.engagementBase': p({ default: 0.6, unit: 'share', min: 0, max: 1, group: 'adhoc', meaning: 'An approached partner engages with probability trust in the leader x (b + (1 - b) x the leader\'s relationship stock); this is b.', justification: 'Trust opens doors, and so does a good relationship (seed 003); argued guess, formerly a constant.' }),
  'adhoc.sharedReach': p({ default: 0.5, unit: 'share of the gap to 1', min: 0, max: 1, group: 'adhoc', meaning: 'When leader and partner share an arrangement, the engagement probability closes this share of its gap to 1.', justification: 'Members of a standing arrangement know and meet each other (lesson 1, seed 001); argued guess, formerly a constant.' }),
  'adhoc.neighbourSearch': p({ default: 0.75, unit: 'factor', min: 0, max: 1, group: 'adhoc', meaning: 'Factor on the search cost of approaching a neighbouring municipality.', justification: 'Neighbours know each other (seed 003); argued guess, formerly a constant.' }),
  'adhoc.relationshipSearch': p({ default: 0.5, unit: 'factor', min: 0, max: 1, group: 'adhoc', meaning: 'Search cost per partner is searchCost x (1 - this x the leader\'s relationship stock).', justification: 'Relationships lower transaction costs (Feiock 2013); argued guess, formerly a constant.' }),
  'adhoc.attempts': p({ default: 1, unit: 'attempts', min: 1, max: 12, integer: true, group: 'adhoc', meaning: 'Attempts a lead municipality makes to assemble a coalition for a task; after a failed attempt the task waits a month and may be tried again until the attempts are used up or its deadline passes.', justification: 'One attempt: an ad hoc initiative that finds no partners is usually not repeated soon (argued guess; formerly fixed at one).' }),
  // ---------------------------------------------------------------- execution
  successExponent: p({ default: 1.5, unit: 'exponent', min: 0.5, max: 4, group: 'execution', meaning: 'A project\'s success is its coordination quality x (delivered share of the due work)^exponent: shortfalls hurt more than in proportion.', justification: 'Missing contributions break joint projects (brief, step 4); argued guess, formerly a constant.' }),
  successThreshold: p({ default: 0.5, unit: 'success 0-1', min: 0, max: 1, group: 'execution', meaning: 'A project whose success is below this fails.', justification: 'Argued guess, formerly a constant.' }),
  failedValueShare: p({ default: 0.3, unit: 'share', min: 0, max: 1, group: 'execution', meaning: 'Share of its success-weighted value a failed project still realises.', justification: 'Failed projects leave something behind (plans, studies); argued guess, formerly a constant.' }),
  deliveryThreshold: p({ default: 0.9, unit: 'share of due work', min: 0, max: 1, group: 'execution', meaning: 'A partner that delivered at least this share of its due work gains trust; below it, it loses trust in proportion to the shortfall.', justification: 'Partners forgive small shortfalls; argued guess, formerly a constant.' }),
  brokenDealThreshold: p({ default: 0.7, unit: 'share of due work', min: 0, max: 1, group: 'execution', meaning: 'A partner in a mandje that delivered less than this share of its due work broke the deal (extra trust loss trustLossBrokenDeal).', justification: 'Argued guess, formerly a constant.' }),
  newSecretaryCommitment: p({ default: 0.9, unit: 'factor', min: 0, max: 1, group: 'execution', meaning: 'Factor on the chance of delivering in full in the months after a new secretary took office.', justification: 'A new secretary needs time to know the regional dossiers (seed 002); argued guess, formerly a constant.' }),
  newSecretaryMonths: p({ default: 3, unit: 'months', min: 0, max: 24, integer: true, group: 'execution', meaning: 'Months after a new secretary took office during which newSecretaryCommitment applies.', justification: 'Argued guess, formerly a constant.' }),
  reciprocity: p({ default: 0.3, unit: 'weight', min: 0, max: 1, group: 'execution', meaning: 'A member\'s monthly chance of delivering in full is multiplied by 1 - reciprocity x (1 - E), where E is what it expects of its partners: its trust in each (over trustBase, at most 1) times that partner\'s delivery record, averaged.', justification: 'Conditional cooperation: members deliver when they expect their partners to (Ostrom; brief, step 4: trust updates on what partners did); argued guess.' }),
  shadowOfFuture: p({ default: 0.3, unit: 'share', min: 0, max: 1, group: 'execution', meaning: 'Share of the shirking that the shadow of the future removes on projects of a standing table (members meet again); ad hoc projects have none.', justification: 'Repeated interaction sustains cooperation (Axelrod 1984); argued guess.' }),
  recordLearning: p({ default: 0.3, unit: 'share per project', min: 0, max: 1, group: 'execution', meaning: 'How far a member\'s delivery record moves toward the share of its due work it delivered on each finished project.', justification: 'Partners remember the last few projects (argued guess).' }),
  // ---------------------------------------------------------------- trust
  trustBase: p({ default: 0.5, unit: 'trust 0-1', min: 0, max: 1, group: 'trust', meaning: 'Level trust drifts back to when nothing happens.', justification: 'Neutral; argued guess.' }),
  trustInitial: p({ default: 0.55, unit: 'trust 0-1', min: 0, max: 1, group: 'trust', meaning: 'Initial trust between municipalities.', justification: 'Slightly above neutral for municipalities that already met in regional bodies; argued guess.' }),
  neighbourTrustBonus: p({ default: 0.05, unit: 'trust 0-1', min: 0, max: 0.3, group: 'trust', meaning: 'Extra initial trust between neighbours.', justification: 'Neighbours know each other (seed 003); argued guess.' }),
  trustDrift: p({ default: 0.01, unit: 'share per month', min: 0, max: 0.2, group: 'trust', meaning: 'Share of the gap to the base level closed each month (personal part).', justification: 'Relations fade over years when unused; argued guess.' }),
  trustGainDelivery: p({ default: 0.1, unit: 'share of gap to 1', min: 0, max: 0.5, group: 'trust', meaning: 'Trust gain toward a partner that delivered what it promised (at least 90%).', justification: 'Argued guess; trust builds slowly.' }),
  trustLossFreeRide: p({ default: 0.25, unit: 'share of trust', min: 0, max: 1, group: 'trust', meaning: 'Trust loss toward a partner that delivered nothing (scaled by the shortfall below 90%).', justification: 'Losses weigh more than gains (negativity bias); argued guess.' }),
  trustLossOutvoted: p({ default: 0.06, unit: 'share of trust', min: 0, max: 0.5, group: 'trust', meaning: 'Trust loss of an outvoted member toward those who voted for.', justification: 'Binding majority costs legitimacy (brief); argued guess.' }),
  trustLossBrokenDeal: p({ default: 0.2, unit: 'share of trust', min: 0, max: 1, group: 'trust', meaning: 'Extra trust loss toward a partner who under-delivered on a package deal.', justification: 'A broken mandje is a broken promise; argued guess.' }),
  institutionalWeightHub: p({ default: 0.6, unit: 'weight', min: 0, max: 1, group: 'trust', meaning: 'Weight of institutional trust in effective trust between members of an arrangement with a hub (bureau).', justification: 'A bureau carries institutional memory; argued guess.' }),
  institutionalWeightSecretary: p({ default: 0.4, unit: 'weight', min: 0, max: 1, group: 'trust', meaning: 'Weight of institutional trust between members of an arrangement with a secretary only (basiscoalitie).', justification: 'Lesson 1 (seed 001): the secretary supports the periodic meeting; argued guess.' }),
  institutionalDecayWithout: p({ default: 0.05, unit: 'share per month', min: 0, max: 0.5, group: 'trust', meaning: 'Monthly drift of institutional trust to the base when no shared secretariat holds it.', justification: '"Er is geen centraal punt meer" after abolition (seed 000); argued guess.' }),
  // ---------------------------------------------------------------- staff
  secretaryTurnoverPerYear: p({ default: 0.25, unit: 'share per year', min: 0, max: 0.6, group: 'staff', meaning: 'Mean annual share of municipal secretaries who leave.', justification: '"Elk jaar één op de vier" (seed 002); public records 2011-2015 suggest 17%.' }),
  secretaryElectionPeak: p({ default: 1.6, unit: 'factor', min: 1, max: 3, group: 'staff', meaning: 'Turnover hazard in the 12 months after an election relative to the mean (the other months are lowered so the mean holds).', justification: 'Peaks after elections in the public records (brief, fact 1).' }),
  civilServantTurnoverPerYear: p({ default: 0.1, unit: 'share per year', min: 0, max: 0.4, group: 'staff', meaning: 'Annual share of civil servants in regional work who leave.', justification: 'Typical public-sector outflow; argued guess.' }),
  secretaryRelationLoss: p({ default: 0.5, unit: 'share', min: 0, max: 1, group: 'staff', meaning: 'Share of a municipality\'s personal trust capital (deviation from base) lost when its secretary leaves.', justification: 'Relationships go with people (brief, step 5); argued guess.' }),
  relationshipGrowth: p({ default: 0.03, unit: 'share of gap per month', min: 0, max: 0.2, group: 'staff', meaning: 'Monthly growth of a municipality\'s relationship and knowledge stock while it works in the region.', justification: 'Argued guess.' }),
  meetingLearning: p({ default: 0.25, unit: 'factor', min: 0, max: 2, group: 'staff', meaning: 'Relationship growth per month of meeting at a working table, relative to relationshipGrowth per completed project (divided by the meeting interval).', justification: 'Periodic meetings build working relationships (lesson 1, seed 001); argued guess.' }),
  workingTableMonths: p({ default: 12, unit: 'months', min: 1, max: 60, integer: true, group: 'staff', meaning: 'A table is working when it passed a decision in the last this many months; the members of a working table build relationships by meeting (and count in pairs_at_working_table).', justification: 'A table that decides nothing for a year has stopped working; argued guess, formerly a constant.' }),
  secretariatMemoryHub: p({ default: 0.7, unit: 'share', min: 0, max: 1, group: 'staff', meaning: 'Share of relationship and knowledge loss through turnover that a hub holds for its members.', justification: '"Een centraal punt waar veel kennis is" (seed 000); argued guess.' }),
  secretariatMemorySecretary: p({ default: 0.5, unit: 'share', min: 0, max: 1, group: 'staff', meaning: 'Share of that loss a basiscoalitie secretary holds.', justification: 'Lesson 1 (seed 001); argued guess.' }),
  secretaryRelationshipLoss: p({ default: 0.2, unit: 'share', min: 0, max: 1, group: 'staff', meaning: 'Share of a municipality\'s relationship and knowledge stock lost when its secretary leaves (times one minus the secretariat memory).', justification: 'The secretary is one of several people holding the regional contacts; argued guess, formerly a constant.' }),
  civilServantTrustShare: p({ default: 0.5, unit: 'factor', min: 0, max: 1, group: 'staff', meaning: 'Trust capital lost when civil servants leave: this x the share of staff that left x secretaryRelationLoss.', justification: 'Civil servants hold fewer relationships per person than the secretary; argued guess, formerly a constant.' }),
  // ---------------------------------------------------------------- elections
  electionFirstYear: p({ default: 2006, unit: 'year', min: 1900, max: 2100, integer: true, group: 'elections', meaning: 'A year with municipal elections; elections are held every electionCycle years from it (in both directions).', justification: 'Dutch municipal elections in March 2006, 2010, 2014, 2018, 2022, 2026.' }),
  electionCycle: p({ default: 4, unit: 'years', min: 1, max: 10, integer: true, group: 'elections', meaning: 'Years between council elections.', justification: 'Gemeentewet: four-year terms.' }),
  electionMonth: p({ default: 3, unit: 'month', min: 1, max: 12, integer: true, group: 'elections', meaning: 'Calendar month of council elections.', justification: 'Elections are held in March.' }),
  stanceMean: p({ default: 0.55, unit: 'index 0-1', min: 0, max: 1, group: 'elections', meaning: 'Mean council stance toward regional cooperation.', justification: 'Mildly positive: "de intentie om samen te werken is snel uitgesproken" (seed 004).' }),
  stanceSd: p({ default: 0.15, unit: 'index 0-1', min: 0, max: 0.5, group: 'elections', meaning: 'Spread of council stance; the electoral shock at each election.', justification: '"Je weet niet wat de nieuwe raad wil" (seed 004); argued guess.' }),
  stancePersistence: p({ default: 0.3, unit: 'weight', min: 0, max: 1, group: 'elections', meaning: 'Weight of the old council\'s stance in the new one.', justification: 'Councils change but not completely; argued guess.' }),
  stanceRetrospective: p({ default: 0.15, unit: 'index per log value ratio', min: 0, max: 1, group: 'elections', meaning: 'How much the value-for-money of the last term moves the new stance.', justification: 'Retrospective judgement of cooperation; argued guess.' }),
  legitimacyLossOutvoted: p({ default: 0.02, unit: 'index 0-1', min: 0, max: 0.2, group: 'elections', meaning: 'Drop of council stance each time its municipality is outvoted.', justification: 'Binding majority costs legitimacy (brief); argued guess.' }),
  agendaRevisitShare: p({ default: 0.3, unit: 'probability', min: 0, max: 1, group: 'elections', meaning: 'Chance that a new council takes an open agenda item off the regional agenda.', justification: 'The college writes a new programme (brief, step 6).' }),
  exitThreshold: p({ default: -0.4, unit: 'net return per euro', min: -1, max: 1, group: 'elections', meaning: 'Net return of a voluntary membership (value minus cost, per euro of cost, over the last term) at which a new council is as likely to leave as to stay.', justification: 'Councils accept some loss for the regional good but leave an arrangement that clearly costs more than it brings (seed 004); argued guess.' }),
  exitMateriality: p({ default: 0.002, unit: 'share of municipal spending', min: 0, max: 0.05, group: 'elections', meaning: 'Costs are judged against at least this share of the municipality\'s spending over the period, so a cheap membership that brings little is not worth a fight.', justification: 'Argued guess: a few tenths of a percent of the budget is below the political radar.' }),
  exitSteepness: p({ default: 12, unit: 'per unit net return', min: 0.5, max: 30, group: 'elections', meaning: 'Steepness of the logistic exit choice.', justification: 'Argued guess: exits from arrangements that pay off are rare.' }),
  exitStanceWeight: p({ default: 0.5, unit: 'net return per stance unit', min: 0, max: 5, group: 'elections', meaning: 'How much council stance (minus 0.5) adds to the perceived net return in the exit choice.', justification: 'Argued guess.' }),
  budgetReviewIntensity: p({ default: 0.25, unit: 'factor', min: 0, max: 1, group: 'elections', meaning: 'Between elections, colleges review memberships once a year when they draw up the budget (November), with the exit probability of a new council multiplied by this factor.', justification: 'Budget rounds also put arrangements on the table, less forcefully than a new coalition agreement; argued guess.' }),
  budgetMonth: p({ default: 11, unit: 'month', min: 1, max: 12, integer: true, group: 'elections', meaning: 'Calendar month of the annual budget review.', justification: 'Municipal budgets are adopted in November.' }),
  fundsCreditShare: p({ default: 0.5, unit: 'share', min: 0, max: 1, group: 'elections', meaning: 'Share of the central funds flowing through an arrangement that a member credits to its membership in a review (the rest it would receive anyway).', justification: 'Central funds partly follow the task, not the arrangement; argued guess, formerly a constant.' }),
  reviewMinMembership: p({ default: 12, unit: 'months', min: 0, max: 60, integer: true, group: 'elections', meaning: 'A member is reviewed only after this many months of membership.', justification: 'A new membership gets a year to prove itself; argued guess, formerly a constant.' }),
  crisisExitHazard: p({ default: 0.02, unit: 'probability per month', min: 0, max: 0.5, group: 'elections', meaning: 'Monthly chance of leaving a voluntary arrangement between elections, for a member whose grievances there pass crisisGrievance, times 2 x (1 - its mean trust in the co-members), at most 1.', justification: 'Exits also happen between elections, after conflicts (seed 004); argued guess.' }),
  crisisGrievance: p({ default: 0.002, unit: 'share of yearly municipal spending', min: 0, max: 0.05, group: 'elections', meaning: 'Grievances at an arrangement (M EUR: the loss of decisions it was bound to against its interest, and the value its partners\' shortfalls cost it on the table\'s projects, decaying at grievanceDecay) above this share of a member\'s yearly spending, plus what leaving would cost it (exitCostMonths of its overhead), make it consider leaving between elections.', justification: 'A conflict becomes a political issue at the same materiality as a membership\'s costs in a review, exitMateriality (a few tenths of a percent of the budget); argued guess.' }),
  grievanceDecay: p({ default: 0.04, unit: 'share per month', min: 0, max: 1, group: 'elections', meaning: 'Monthly decay of grievances at an arrangement.', justification: 'Grievances fade over a couple of years, like unmet stakes (argued guess).' }),
  // ---------------------------------------------------------------- structure
  formationPressure: p({ default: 2.5, unit: 'M EUR of unmet stake', min: 0, max: 50, group: 'structure', meaning: 'Unmet stake (value of lapsed or failed tasks, decaying 4% a month) a municipality must have in a domain before it initiates a new arrangement.', justification: 'New arrangements form when urgency suffices (brief, step 7); argued guess.' }),
  formationTrust: p({ default: 0.5, unit: 'trust 0-1', min: 0, max: 1, group: 'structure', meaning: 'Mutual trust needed between initiator and partner to form or join an arrangement.', justification: 'New arrangements need trust (brief, step 7); argued guess.' }),
  formationReach: p({ default: 2, unit: 'neighbour steps', min: 1, max: 5, integer: true, group: 'structure', meaning: 'How many neighbour steps away an initiator looks for partners.', justification: 'Municipalities choose nearby partners (seed 003).' }),
  dormancyMonths: p({ default: 24, unit: 'months', min: 3, max: 120, integer: true, group: 'structure', meaning: 'A voluntary arrangement without a secretariat that takes no decision for this long dissolves (dormancySecretaryFactor times as long for one with a secretary; a bureau keeps an arrangement alive).', justification: 'Networks and convenants fade when unused; a secretary or bureau keeps the table going; argued guess.' }),
  keyMemberShare: p({ default: 0.3, unit: 'population share', min: 0, max: 1, group: 'structure', meaning: 'A member with at least this population share is key: when it leaves a voluntary arrangement, the arrangement dissolves.', justification: 'Arrangements dissolve when a key member leaves (brief, step 7).' }),
  joinProbability: p({ default: 0.1, unit: 'probability per month', min: 0, max: 1, group: 'structure', meaning: 'Monthly chance that an eligible non-member (unmet stake, trust, adjacency) joins an arrangement.', justification: 'Argued guess.' }),
  unmetDecay: p({ default: 0.04, unit: 'share per month', min: 0, max: 1, group: 'structure', meaning: 'Monthly decay of unmet stakes.', justification: 'An unsolved problem stays on the mind for a couple of years; argued guess, formerly a constant.' }),
  dormancySecretaryFactor: p({ default: 2, unit: 'factor', min: 1, max: 10, group: 'structure', meaning: 'A voluntary arrangement with a secretary dissolves after dormancyMonths x this months without a decision.', justification: 'A secretary keeps the meeting going when there is little to decide (lesson 1, seed 001); argued guess, formerly a constant.' }),
  formationPartnerShare: p({ default: 0.25, unit: 'share of formationPressure', min: 0, max: 1, group: 'structure', meaning: 'A partner joins a formation when its own unmet stake in the domain is at least this share of formationPressure.', justification: 'Partners need a stake, less than the initiator; argued guess, formerly a constant.' }),
  joinPressureShare: p({ default: 0.5, unit: 'share of formationPressure', min: 0, max: 1, group: 'structure', meaning: 'A non-member is eligible to join when its unmet stake in one of the arrangement\'s domains is at least this share of formationPressure.', justification: 'Argued guess, formerly a constant.' }),
  joinReachExtra: p({ default: 1, unit: 'neighbour steps', min: 0, max: 5, integer: true, group: 'structure', meaning: 'A newcomer must lie within formationReach plus this many steps of the arrangement\'s centre (and border a member).', justification: 'Arrangements stay regional; argued guess, formerly a constant.' }),
  optInThreshold: p({ default: 0.6, unit: 'interest x (0.5 + stance)', min: 0, max: 3, group: 'structure', meaning: 'A member opts into a module when interest x (0.5 + stance) is at least this plus optInAutonomy x autonomy x binding.', justification: 'A member takes a module it cares about (brief, modular GR); argued guess, formerly a constant.' }),
  optInAutonomy: p({ default: 0.6, unit: 'interest x (0.5 + stance)', min: 0, max: 3, group: 'structure', meaning: 'Weight of autonomy preference x binding in the opt-in threshold.', justification: 'Autonomy-minded members take fewer modules; argued guess, formerly a constant.' }),
  formationTrustBinding: p({ default: 0.3, unit: 'trust per unit of binding', min: 0, max: 1, group: 'structure', meaning: 'A kind needs formationTrust plus this times its bindingness as mutual trust between initiator and partner to be formed (a binding GR needs more trust than a network).', justification: 'The more autonomy an arrangement takes, the more trust its founding needs (Feiock 2013: autonomy costs); argued guess.' }),
  formationNetworkCapture: p({ default: 0.5, unit: 'share', min: 0, max: 1, group: 'structure', meaning: 'In the choice of a kind to form, the share of the lost value a network without a table is expected to capture, relative to a table of the same coordination quality.', justification: 'Ad hoc projects still need a leader, partners and a fresh negotiation each time (transaction costs); argued guess.' }),
  startupMonths: p({ default: 24, unit: 'months', min: 0, max: 60, integer: true, group: 'structure', meaning: 'Months a new table (formed, or started by a scenario event) takes to work at full strength without a kwartiermaker; it pays its overhead in full from the start.', justification: 'Seed 004: there is often no time to build a structure; building one takes a term rather than a month (argued guess).' }),
  kwartiermakerMonths: p({ default: 9, unit: 'months', min: 0, max: 60, integer: true, group: 'structure', meaning: 'Start-up of a new table that a kwartiermaker builds.', justification: 'Seed 000 describes a kwartiermaker building a light structure within about a year (argued guess).' }),
  kwartiermakerShare: p({ default: 0.5, unit: 'probability', min: 0, max: 1, group: 'structure', meaning: 'Chance that a new table gets a kwartiermaker.', justification: 'Some regions appoint one, others do not (seed 000); neutral guess.' }),
  kwartiermakerFte: p({ default: 1, unit: 'FTE per month', min: 0, max: 5, group: 'structure', meaning: 'What the kwartiermaker costs during the start-up, shared equally by the members.', justification: 'One person, full time (seed 000); argued guess.' }),
  startupQuality: p({ default: 0.5, unit: 'share of full strength', min: 0, max: 1, group: 'structure', meaning: 'Strength of a new table in its first month (coordination quality and agenda capacity), rising linearly to full strength over the start-up.', justification: 'A new structure delivers less while it is built (seed 004, seed 000); argued guess.' }),
  modularCoreShare: p({ default: 0.5, unit: 'share of overheadFte', min: 0, max: 1, group: 'structure', meaning: 'In a modular arrangement a member pays this share of the overhead FTE for the core and the rest in proportion to the modules it takes.', justification: 'Argued guess, formerly a constant.' }),
  // ---------------------------------------------------------------- money
  spendingPerCapita: p({ default: 3400, unit: 'EUR per inhabitant per year', min: 1000, max: 10000, group: 'money', meaning: 'Municipal spending, the denominator of the share of budget going through cooperation.', justification: 'About EUR 58 billion for 17 million inhabitants (brief, public facts).' }),
} as const;

/** A numeric property of an arrangement kind as a parameter: `kind.<kind>.<property>`. */
export type KindParamName = `kind.${ArrangementKind}.${KindNumeric}`;
export type ParamName = keyof typeof BASE_PARAMS | KindParamName;
export type Params = { [K in ParamName]: number };

export function kindParamName(kind: ArrangementKind, prop: KindNumeric): KindParamName {
  return `kind.${kind}.${prop}`;
}

/**
 * The default sensitivity range of a kind property: within 0.15 of the default for a 0-1 index or
 * factor, half to twice the default otherwise (whole numbers for integer properties), inside the
 * bounds. A default of 0 gives an empty range: such a property needs --range to be varied.
 */
function plausibleRange(spec: (typeof KIND_NUMERIC_SPECS)[KindNumeric], d: number): { min: number; max: number } {
  const unitInterval = spec.max === 1 && spec.min === 0;
  let min = unitInterval ? d - 0.15 : d / 2;
  let max = unitInterval ? d + 0.15 : d * 2;
  if (spec.integer) {
    min = Math.floor(min);
    max = Math.ceil(max);
  }
  const round = (x: number): number => Math.round(x * 1e6) / 1e6;
  return { min: round(Math.max(spec.min, min)), max: round(Math.min(spec.max, max)) };
}

function kindParams(): Record<KindParamName, ParamSpec> {
  const out = {} as Record<KindParamName, ParamSpec>;
  for (const kind of ARRANGEMENT_KINDS) {
    for (const prop of KIND_NUMERIC) {
      const spec = KIND_NUMERIC_SPECS[prop];
      const d = KIND_DEFAULTS[kind][prop];
      out[kindParamName(kind, prop)] = {
        default: d, unit: spec.unit, min: spec.min, max: spec.max, ...(spec.integer ? { integer: true } : {}), range: plausibleRange(spec, d),
        group: 'kinds', meaning: `${kind}: ${spec.meaning}`, justification: KIND_JUSTIFICATIONS[kind],
      };
    }
  }
  return out;
}

/** The registry: the named parameters, then the numeric properties of every arrangement kind. */
export const PARAMS: Readonly<Record<ParamName, ParamSpec>> = { ...BASE_PARAMS, ...kindParams() };
export const PARAM_NAMES = Object.keys(PARAMS) as ParamName[];

export function defaultParams(): Params {
  const out = {} as Params;
  for (const name of PARAM_NAMES) out[name] = PARAMS[name].default;
  return out;
}

export function isParamName(name: string): name is ParamName {
  return Object.prototype.hasOwnProperty.call(PARAMS, name);
}

/** Problems with a parameter value (empty when valid). */
export function checkParam(name: ParamName, value: unknown): string | null {
  const spec = PARAMS[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) return `a finite number (${spec.unit})`;
  if (value < spec.min || value > spec.max) return `a number between ${spec.min} and ${spec.max} (${spec.unit})`;
  if (spec.integer && !Number.isInteger(value)) return `a whole number between ${spec.min} and ${spec.max} (${spec.unit})`;
  return null;
}

/**
 * The one check of a parameter override, wherever it comes from (a scenario file's
 * `parameters`, `--set`, an experiment file, a sensitivity range): the name must be a parameter
 * (with a "did you mean" for a misspelling) and the value, when given, a number within the
 * parameter's bounds. Returns the problem, or null.
 */
export function paramProblem(path: string, name: string, value?: unknown): Problem | null {
  if (!isParamName(name)) {
    const hint = closest(name, PARAM_NAMES);
    return {
      path,
      expected: `the name of a model parameter (${PARAM_NAMES.length} of them: see \`regiosim params\`)`,
      found: `an unknown parameter ${JSON.stringify(name)}${hint ? ` (did you mean ${hint}?)` : ''}`,
    };
  }
  if (value === undefined) return null;
  const bad = checkParam(name, value);
  return bad ? { path, expected: bad, found: describeValue(value) } : null;
}
