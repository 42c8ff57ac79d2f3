/**
 * People change: secretaries leave at a mean annual rate with a peak in the year after an
 * election; civil servants leave too. Their personal relationships and knowledge go with them,
 * except the part a shared secretariat holds.
 */
import { emit, type World } from '../state.js';
import { binomialInverse } from '../random.js';
import { memoryOf } from './arrangements.js';

/**
 * Monthly probability of a departure from an annual turnover rate, read as departures per post
 * per year ("one in four secretaries leaves each year": 0.25 departures per municipality per year).
 */
export function monthlyHazard(annual: number): number {
  return Math.min(1, annual / 12);
}

/** Multiplier on the secretary hazard: `peak` for 12 months after an election, lowered elsewhere so the mean over a cycle is 1. */
export function electionMultiplier(monthsSinceElection: number, peak: number, cycleMonths: number): number {
  if (monthsSinceElection >= 0 && monthsSinceElection < 12) return peak;
  const rest = cycleMonths - 12;
  return rest > 0 ? Math.max(0, (cycleMonths - 12 * peak) / rest) : 1;
}

export function turnover(world: World): void {
  const p = world.params;
  const rng = world.rng.turnover;
  const cycle = p.electionCycle * 12;
  const since = world.t - world.lastElection;
  const hSec = monthlyHazard(p.secretaryTurnoverPerYear) * electionMultiplier(since, p.secretaryElectionPeak, cycle);
  const hCs = monthlyHazard(p.civilServantTurnoverPerYear);
  for (const m of world.municipalities) {
    // Two uniforms per municipality per month, whatever happens: common random numbers.
    const uSec = rng.next();
    const uCs = rng.next();
    const departures = binomialInverse(m.staff, hCs, uCs);
    if (uSec >= hSec && departures === 0) continue;
    const memory = memoryOf(world, m.index);
    if (uSec < hSec) {
      m.secretarySince = world.t;
      world.trust.forget(m.index, p.secretaryRelationLoss, p.trustBase);
      m.relationship *= 1 - p.secretaryRelationshipLoss * (1 - memory);
      world.counters.secretaryTurnovers++;
      if (world.t >= world.scenario.evaluation.from && world.t <= world.scenario.evaluation.to) world.totals.secretaryTurnovers++;
      emit(world, 'secretary-turnover', [m.index], { detail: { memory: Math.round(memory * 100) / 100 } });
    }
    if (departures > 0) {
      const share = departures / m.staff;
      world.trust.forget(m.index, share * p.secretaryRelationLoss * p.civilServantTrustShare, p.trustBase);
      m.relationship *= 1 - share * (1 - memory);
      world.counters.civilServantDepartures += departures;
      emit(world, 'civil-servant-turnover', [m.index], { detail: { departures, staff: m.staff } });
    }
  }
}
