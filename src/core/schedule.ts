/**
 * The monthly schedule (ODD "process overview and scheduling"). The order is fixed:
 *  1. scenario events of the month
 *  2. council elections (in the election month), or the annual budget review (November)
 *  3. staff turnover
 *  4. task arrival
 *  5. coordination overhead of standing arrangements
 *  6. agenda, decisions and mandjes; ad hoc initiatives
 *  7. execution, completion, value and trust updates
 *  8. structure dynamics (dormancy, crisis exits, formation, joins)
 *  9. trust drift and institutional weights
 * 10. observation
 */
import { isActive } from './entities/arrangement.js';
import { resetCounters, type World } from './state.js';
import { runAgenda } from './submodels/agenda.js';
import { refreshStructure } from './submodels/arrangements.js';
import { budgetReview, election, isElectionMonth } from './submodels/elections.js';
import { execute } from './submodels/execution.js';
import { applyScenarioEvents } from './submodels/scenario-events.js';
import { structureDynamics } from './submodels/structure.js';
import { turnover } from './submodels/turnover.js';
import { arriveTasks } from './submodels/arrival.js';
import { accountOverhead, observe } from './observation.js';

/** Members of a working table (a decision passed in the last workingTableMonths months) build relationships by meeting. */
function meetingRelationships(world: World): void {
  const rate = world.params.relationshipGrowth * world.params.meetingLearning;
  for (const a of world.arrangements) {
    if (!isActive(a) || world.t - a.lastPassed >= world.params.workingTableMonths) continue;
    const g = rate / a.props.meetingInterval;
    for (const m of a.members) {
      const mu = world.municipalities[m]!;
      mu.relationship += g * (1 - mu.relationship);
    }
  }
}

export function step(world: World, series: Float64Array[], row: number): void {
  resetCounters(world.counters);
  world.eventCounts.fill(0);
  for (const m of world.municipalities) m.coordination = 0;
  for (const m of world.municipalities) m.valueRecent[world.t % 12] = 0;
  applyScenarioEvents(world);
  refreshStructure(world);
  if (isElectionMonth(world)) election(world);
  else budgetReview(world);
  refreshStructure(world);
  turnover(world);
  arriveTasks(world);
  accountOverhead(world);
  runAgenda(world);
  execute(world);
  structureDynamics(world);
  refreshStructure(world);
  // The drift also sums the drifted trust for observation (one pass over the pairs); meeting changes no trust.
  const sums = world.trust.driftAndSum(world.params.trustBase, world.params.trustDrift, world.params.institutionalDecayWithout);
  meetingRelationships(world);
  observe(world, series, row, sums);
}
