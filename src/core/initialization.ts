/**
 * Initialisation: municipalities from the region data with drawn interests, autonomy and
 * council stances (stream `init`), trust between every pair, the neighbour-step distances,
 * and the arrangements in place at the start.
 */
import { DOMAINS } from './domains.js';
import { newMunicipality, type Municipality } from './entities/municipality.js';
import { Trust } from './entities/trust.js';
import { createStreams } from './random.js';
import { EVENT_TYPES, TIMESERIES_COLUMNS } from './results.js';
import type { Scenario } from './scenario/resolve.js';
import { newCounters, type World } from './state.js';
import { benefitReach } from './submodels/arrival.js';
import { createArrangement, refreshStructure } from './submodels/arrangements.js';
import { isElectionMonth } from './submodels/elections.js';

/** Breadth-first neighbour-step distances, capped at 255. */
export function distances(neighbours: number[][]): Uint8Array {
  const n = neighbours.length;
  const out = new Uint8Array(n * n).fill(255);
  const queue = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    out[s * n + s] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      const u = queue[head++]!;
      const du = out[s * n + u]!;
      if (du >= 254) continue;
      for (const v of neighbours[u]!) {
        if (out[s * n + v] !== 255) continue;
        out[s * n + v] = du + 1;
        queue[tail++] = v;
      }
    }
  }
  return out;
}

/** 1 for the municipalities with a population below the median, else 0. */
export function smallerHalf(populations: readonly number[]): Uint8Array {
  const sorted = [...populations].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n === 0 ? 0 : n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return Uint8Array.from(populations, (p) => (p < median ? 1 : 0));
}

/**
 * Builds the world at the first simulated month: the scenario's start minus its spin-up. The
 * arrangements in place at the start exist from then on (their founding); the months of the
 * spin-up are simulated but not reported.
 */
export function initialise(scenario: Scenario, seed: number, recordEvents = true, recordTrust = true): World {
  const p = scenario.params;
  const first = scenario.start - scenario.spinup;
  const rng = createStreams(seed);
  const region = scenario.region;
  const codeIndex = new Map(region.municipalities.map((m, i) => [m.code, i]));
  const neighbours = region.municipalities.map((m) => m.neighbours.map((c) => codeIndex.get(c)!).filter((x) => x !== undefined).sort((a, b) => a - b));
  const municipalities: Municipality[] = region.municipalities.map((m, i) => {
    // Fixed draws per municipality: interests (2 per domain), autonomy (2), stance (2).
    const raw = DOMAINS.map(() => Math.exp(rng.init.normal(0, p.interestSd)));
    const meanRaw = raw.reduce((a, b) => a + b, 0) / raw.length;
    const interest = Float64Array.from(raw.map((x) => x / meanRaw));
    const autonomy = Math.min(1, Math.max(0, rng.init.normal(p.autonomyMean, p.autonomySd)));
    const stance = Math.min(1, Math.max(0, rng.init.normal(p.stanceMean, p.stanceSd)));
    const capacityBase = (p.regionalFtePer10k * m.population) / 10_000;
    return newMunicipality({
      index: i, code: m.code, name: m.name, population: m.population, neighbours: neighbours[i]!, interest, autonomy,
      capacityBase, staff: Math.max(1, Math.round(capacityBase)), stance, secretarySince: first - 1 - Math.floor(rng.init.next() * 60),
      relationship: 0.5, leader: 0,
    });
  });
  // Whether each college has a regional leader (one draw per municipality, after the others).
  for (const m of municipalities) m.leader = rng.init.next() < p.leadershipShare ? 1 : 0;
  const n = municipalities.length;
  const distance = distances(neighbours);
  const trust = new Trust(n, DOMAINS.length, (i, j) => Math.min(1, p.trustInitial + (distance[i * n + j] === 1 ? p.neighbourTrustBonus : 0)));
  const world: World = {
    scenario, params: p, rng, n, municipalities,
    totalPopulation: municipalities.reduce((s, m) => s + m.population, 0),
    distance, near: benefitReach(distance, n), trust, arrangements: [], tasks: new Map(), nextTaskId: 1, t: first,
    rateMultiplier: new Float64Array(DOMAINS.length).fill(1), capacityMultiplier: 1, lastElection: -Infinity,
    tieAge: new Int32Array(n * n), lastJoint: new Float64Array(n * n).fill(-Infinity), tiePairs: [], tieListed: new Uint8Array(n * n), counters: newCounters(),
    totals: { months: 0, valueNonTransport: 0, exits: 0, exitsAfterElection: 0, partnerPairs: 0, partnerPairsNeighbours: 0, beneficiaryPairs: 0, beneficiaryPairsNeighbours: 0, secretaryTurnovers: 0, cohortArrived: 0, cohortCompleted: 0, austerityChoices: 0, austerityRegionalFirst: 0, standingFormations: 0 },
    events: [], spells: [], trustSnapshots: [], structureDirty: true, formedCount: 0,
    recordEvents, recordTrust, eventCounts: new Int32Array(EVENT_TYPES.length),
    scratch: { tie: new Uint8Array(n * n), project: new Uint8Array(n * n), marked: [], demand: new Float64Array(n), ratio: new Float64Array(n), perCapita: new Float64Array(n) },
    locationWeights: Float64Array.from(municipalities, (m) => Math.pow(m.population, p.locationPopulationExponent)),
    benefitWeights: Float64Array.from(municipalities, (m) => Math.pow(m.population, p.benefitPopulationExponent)),
    windowSums: new Float64Array(TIMESERIES_COLUMNS.length),
    smaller: smallerHalf(municipalities.map((m) => m.population)),
  };
  // The last election before the start, for the post-election turnover peak.
  for (let t = first - 1; t > first - 12 * p.electionCycle - 12; t--) {
    if (isElectionMonth(world, t)) {
      world.lastElection = t;
      break;
    }
  }
  for (const spec of scenario.arrangements) createArrangement(world, spec, false, true);
  refreshStructure(world);
  return world;
}
