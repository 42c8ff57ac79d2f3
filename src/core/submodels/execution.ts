/**
 * Execution: participants deliver work every month. A member delivers in full with a
 * probability that is lower when it was not convinced (outvoted) or just lost its secretary, and
 * lower when it expects less of its partners (reciprocity: its trust in them and their delivery
 * record); at a standing table the shadow of the future makes shirking rarer. It delivers only as
 * far as its capacity allows when it is overloaded (under-delivery). Shirking saves the shirker
 * the staff it did not deliver and costs it its partners' trust and its record.
 * At the end, success depends on what was delivered and on coordination; value is realised per
 * member, and each participant updates its trust in each other participant on what they did.
 */
import { account } from '../entities/arrangement.js';
import { shareOf, type Task } from '../entities/task.js';
import { aggrieve } from './structure.js';
import { capacity, domainIdx, emit, inEvaluation, markJoint, type World } from '../state.js';

export function execute(world: World): void {
  const p = world.params;
  const rng = world.rng.execution;
  const { municipalities } = world;
  // Supply ratio per municipality: capacity left after coordination, over the work due.
  const { demand, ratio } = world.scratch;
  demand.fill(0);
  for (const task of world.tasks.values()) {
    if (task.status !== 'project') continue;
    const ps = task.participants;
    for (let k = 0; k < ps.length; k++) {
      demand[ps[k]!] = demand[ps[k]!]! + task.workDue[k]!;
      // Enforcement: watching the partners deliver is coordination effort.
      municipalities[ps[k]!]!.coordination += task.monitorFte[k]!;
    }
  }
  for (let i = 0; i < world.n; i++) {
    const m = municipalities[i]!;
    const free = Math.max(0, capacity(world, m) - m.coordination);
    ratio[i] = demand[i]! > 0 ? Math.min(1, free / demand[i]!) : 1;
    if (ratio[i]! < 1) {
      world.counters.capacityShort++;
      if (world.smaller[i]) world.counters.capacityShortSmall++;
    }
  }
  // Completing deletes the task from the map, which is safe while iterating it.
  const carrying: number[] = [];
  for (const task of world.tasks.values()) {
    if (task.status !== 'project') continue;
    const ps = task.participants;
    carrying.length = 0;
    const di = domainIdx(task.domain);
    const standing = task.table !== null;
    for (let k = 0; k < ps.length; k++) {
      const m = ps[k]!;
      const mu = municipalities[m]!;
      let commit = task.convinced[k] ? p.convincedCommitment : p.unconvincedCommitment;
      if (world.t - mu.secretarySince < p.newSecretaryMonths) commit *= p.newSecretaryCommitment;
      // Reciprocity: what it expects of its partners, trust in them (relative to the base) times their record.
      if (ps.length > 1 && p.reciprocity > 0) {
        let expect = 0;
        for (let l = 0; l < ps.length; l++) {
          if (l === k) continue;
          const j = ps[l]!;
          expect += Math.min(1, (world.trust.get(m, j, di) / Math.max(1e-9, p.trustBase)) * municipalities[j]!.record);
        }
        expect /= ps.length - 1;
        commit *= 1 - p.reciprocity * (1 - expect);
      }
      // The shadow of the future: at a standing table the members meet again, so fewer shirk.
      if (standing) commit = 1 - (1 - commit) * (1 - p.shadowOfFuture);
      const full = rng.next() < commit;
      const due = task.workDue[k]!;
      const delivered = due * ratio[m]! * (full ? 1 : p.shirkDelivery);
      task.owed[k] = task.owed[k]! + due;
      task.delivered[k] = task.delivered[k]! + delivered;
      world.counters.fteDelivery += delivered;
      // Carrying part of a project that serves it: delivering some of its work this month, as a beneficiary.
      if (delivered > 0 && task.beneficiaries.includes(m)) carrying.push(m);
    }
    // Beneficiaries who delivered part of the project this month carried it together.
    markJoint(world, carrying);
    // Money through cooperation: the project's budget, spread over its duration.
    world.counters.cooperationSpending += task.budget / task.duration;
    if (world.t >= task.endsAt - 1) complete(world, task);
  }
}

function complete(world: World, task: Task): void {
  const p = world.params;
  const { municipalities, trust } = world;
  const owed = task.owed.reduce((a, b) => a + b, 0);
  const delivered = task.delivered.reduce((a, b) => a + b, 0);
  const fraction = owed > 0 ? delivered / owed : 1;
  const success = task.coordination * Math.pow(fraction, p.successExponent);
  const ok = success >= p.successThreshold;
  const realised = task.value * success * (ok ? 1 : p.failedValueShare);
  const di = domainIdx(task.domain);
  const table = task.table ? world.arrangements.find((a) => a.id === task.table) ?? null : null;
  const evaluation = inEvaluation(world);
  // Value per municipality: participants in full, other beneficiaries through spillover.
  task.beneficiaries.forEach((b, k) => {
    const part = task.participants.includes(b);
    const v = realised * task.shares[k]! * (part ? 1 : p.spillover);
    const m = municipalities[b]!;
    m.termValue += v;
    m.valueRecent[world.t % 12] = m.valueRecent[world.t % 12]! + v;
    if (evaluation) m.valueEval += v;
    world.counters.valueByDomain[di] = world.counters.valueByDomain[di]! + v;
    if (table && table.members.includes(b)) account(table.termValue, table, b, task.domain, v);
  });
  // Each participant at a table keeps a grievance for the value its partners' shortfalls cost it:
  // the success had everyone else delivered in full, against the real one, times its value share.
  if (table) {
    const ps = task.participants;
    for (let k = 0; k < ps.length; k++) {
      const m = ps[k]!;
      if (!table.members.includes(m) || owed <= 0) continue;
      const short = owed - task.owed[k]! - (delivered - task.delivered[k]!);
      if (short <= 1e-12) continue;
      const ifOthers = task.coordination * Math.pow((delivered + short) / owed, p.successExponent);
      aggrieve(table, m, Math.max(0, ifOthers - success) * task.value * shareOf(task, m));
    }
  }
  // The project's costs are booked with its value, in the month it finishes: each participant's
  // share of the budget and the staff it actually delivered, and the central funds' share of both.
  // A project still running at the end of the run counts neither its value nor its cost.
  task.participants.forEach((m, k) => {
    const money = task.weight[k]! * task.budget;
    const staff = task.delivered[k]! * p.fteMonthCost;
    const funds = task.subsidy * (money + staff);
    world.counters.cooperationCost += money + staff;
    world.counters.centralFunds += funds;
    if (evaluation) {
      const a = municipalities[m]!.accounts;
      a.projectMoney += money;
      a.deliveryStaff += staff;
      a.centralFunds += funds;
    }
  });
  task.participants.forEach((m, k) => {
    const mu = municipalities[m]!;
    mu.load = Math.max(0, mu.load - task.workDue[k]!);
    mu.termCost += task.costShare[k]!;
    // The table's accounts are those of its current members, for value and cost alike.
    if (table && table.members.includes(m)) account(table.termCost, table, m, task.domain, task.costShare[k]!);
  });
  // Trust: each participant judges each other participant on its delivery; its record moves toward what it delivered.
  const institutional = table !== null && table.props.secretariat !== 'none';
  const ratios = task.participants.map((_, k) => (task.owed[k]! > 0 ? task.delivered[k]! / task.owed[k]! : 1));
  task.participants.forEach((m, k) => {
    const mu = municipalities[m]!;
    mu.record += p.recordLearning * (ratios[k]! - mu.record);
  });
  task.participants.forEach((i) => {
    task.participants.forEach((j, l) => {
      if (i === j) return;
      const r = ratios[l]!;
      if (r >= p.deliveryThreshold) trust.raise(i, j, p.trustGainDelivery, institutional, di);
      else {
        trust.lower(i, j, (p.trustLossFreeRide * (p.deliveryThreshold - r)) / p.deliveryThreshold, institutional, di);
        if (task.mandje !== null && r < p.brokenDealThreshold) trust.lower(i, j, p.trustLossBrokenDeal, institutional, di);
      }
    });
  });
  for (const m of task.participants) {
    const mu = municipalities[m]!;
    mu.relationship = mu.relationship + p.relationshipGrowth * (1 - mu.relationship);
  }
  task.status = 'done';
  world.tasks.delete(task.id);
  if (ok) {
    world.counters.tasksCompleted++;
    if (task.arrived >= world.scenario.evaluation.from && task.arrived <= world.scenario.evaluation.to) world.totals.cohortCompleted++;
    world.counters.completedByDomain[di] = world.counters.completedByDomain[di]! + 1;
  } else world.counters.tasksFailed++;
  emit(world, ok ? 'completed' : 'failed', task.participants, {
    task: task.id, domain: task.domain, ...(task.table ? { arrangement: task.table } : {}),
    detail: { delivered: Math.round(fraction * 1000) / 1000, value: Math.round(realised * 1000) / 1000, ...(task.mandje !== null ? { mandje: true } : {}) },
  });
}
