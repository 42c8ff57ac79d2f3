/**
 * Task arrival. Each month, for each domain, a Poisson number of tasks arrives; every task
 * draws the same number of uniforms from the `tasks` stream whatever the structure, so all
 * scenarios with the same region, horizon and seed see the same tasks (common random numbers).
 */
import { DOMAINS } from '../domains.js';
import type { Task } from '../entities/task.js';
import { domainIdx, inEvaluation, type World } from '../state.js';

/** Neighbour steps within which a municipality can benefit from a task (the locality decay has a factor per step up to here). */
export const BENEFIT_REACH = 3;

/** Per location, the municipalities within BENEFIT_REACH neighbour steps, ascending: the candidates for a task's beneficiaries. */
export function benefitReach(distance: Uint8Array, n: number): Int32Array[] {
  const out: Int32Array[] = [];
  for (let l = 0; l < n; l++) {
    const near: number[] = [];
    for (let i = 0; i < n; i++) if (distance[l * n + i]! <= BENEFIT_REACH) near.push(i);
    out.push(Int32Array.from(near));
  }
  return out;
}

export function arriveTasks(world: World): void {
  const { params: p, rng, n, municipalities } = world;
  const shares = [p.shareHousing, p.shareTransport, p.shareEconomy, p.shareSocial, p.shareOperations];
  const shareSum = shares.reduce((a, b) => a + b, 0) || 1;
  const { locationWeights, benefitWeights } = world;
  const decay = [1, p.localityDecay, p.localityDecay ** 2, p.localityDecay ** 3];
  for (const d of DOMAINS) {
    const di = domainIdx(d);
    const lambda = p.taskRatePerMunicipality * n * (shares[di]! / shareSum) * world.rateMultiplier[di]!;
    const count = rng.tasks.poisson(lambda);
    for (let c = 0; c < count; c++) {
      // Fixed draw sequence: location, urgency, work (2), budget (2), benefit-cost (2), noise key.
      const location = rng.tasks.weighted(locationWeights);
      const urgency = 0.2 + 0.8 * rng.tasks.next();
      const work = rng.tasks.lognormal(p.taskWorkMedian, p.taskWorkSigma);
      const budget = rng.tasks.lognormal(p.taskBudgetMedian, p.taskBudgetSigma);
      const bcr = rng.tasks.lognormal(p.benefitCostMedian, p.benefitCostSigma);
      const noiseKey = Math.floor(rng.tasks.next() * 4294967296);
      const value = bcr * (budget + work * p.fteMonthCost);
      const duration = Math.round(p.taskDurationMax - (p.taskDurationMax - p.taskDurationMin) * urgency);
      const patience = Math.max(1, Math.round(p.taskPatience * (1.25 - 0.5 * urgency)));
      // Benefits: interest in the domain, decaying with neighbour steps from the location, growing with size.
      const beneficiaries: number[] = [];
      const weights: number[] = [];
      let total = 0;
      // The municipalities within BENEFIT_REACH steps of the location, ascending (fixed per region).
      const near = world.near[location]!;
      for (let x = 0; x < near.length; x++) {
        const i = near[x]!;
        const dist = world.distance[location * n + i]!;
        const w = municipalities[i]!.interest[di]! * decay[dist]! * benefitWeights[i]!;
        if (w <= 0) continue;
        beneficiaries.push(i);
        weights.push(w);
        total += w;
      }
      // Drop negligible beneficiaries and renormalise.
      const keepB: number[] = [];
      const keepS: number[] = [];
      let kept = 0;
      beneficiaries.forEach((b, k) => {
        const s = weights[k]! / total;
        if (s >= p.beneficiaryMinShare || b === location) {
          keepB.push(b);
          keepS.push(s);
          kept += s;
        }
      });
      const task: Task = {
        id: world.nextTaskId++, domain: d, arrived: world.t, location, urgency, work, budget, value, duration,
        deadline: world.t + patience, beneficiaries: keepB, shares: keepS.map((s) => s / kept), noiseKey,
        status: 'pool', table: null, blocked: false, dealtAt: null, mandje: null, mandjeTried: [], attempts: 0,
        participants: [], convinced: [], workDue: [], costShare: [], monitorFte: [], weight: [], delivered: [], owed: [], subsidy: 0,
        startedAt: -1, endsAt: -1, coordination: 0,
      };
      world.tasks.set(task.id, task);
      world.counters.tasksArrived++;
      if (inEvaluation(world)) world.totals.cohortArrived++;
    }
  }
}
