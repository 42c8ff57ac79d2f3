/**
 * Small hand-built worlds for the submodel tests: a scenario with an inline region goes through
 * the project's own resolveScenario and initialise, then the agents are made neutral so that
 * the tests can compute expected values by hand. Randomness is replaced per stream by a
 * scripted stream that returns given uniforms (and fails loudly when it runs out).
 */
import type { Task } from '../../src/core/entities/task.js';
import { initialise } from '../../src/core/initialization.js';
import { Stream, type StreamName } from '../../src/core/random.js';
import { resolveScenario } from '../../src/core/scenario/resolve.js';
import { scenarioSchema, type ScenarioFile } from '../../src/core/scenario/schema.js';
import type { World } from '../../src/core/state.js';

export interface Town {
  name: string;
  population: number;
  neighbours?: string[];
}

export interface WorldOptions {
  municipalities: Town[];
  parameters?: Record<string, number>;
  arrangements?: ScenarioFile['arrangements'];
  events?: ScenarioFile['events'];
  start?: string;
  end?: string;
  evaluation?: { from: string; to: string };
  formation?: boolean;
  formationKinds?: NonNullable<ScenarioFile['structure']>['formationKinds'];
  seed?: number;
  /** Spin-up months (default 0: the hand-built world starts at its start). */
  spinup?: number;
  /**
   * Neutral agents (default true): autonomy 0, council stance 0.5, interest 1 in every domain,
   * relationship 0.5 and a secretary in office for ten years. The drawn values are overwritten
   * after initialisation, so a modular GR's opt-in (done at creation) still used the drawn ones:
   * list its modules explicitly.
   */
  neutral?: boolean;
}

/**
 * The mechanisms of issue 10 switched off, so that the unit tests of the other submodels keep
 * their hand-computed numbers; the tests of these mechanisms switch them on (world.ts users pass
 * them in `parameters`).
 */
export const MECHANISMS_OFF: Readonly<Record<string, number>> = {
  taskFixedFte: 0, 'tc.information': 0, 'tc.negotiation': 0, 'tc.enforcement': 0, freeRiding: 0, reciprocity: 0, shadowOfFuture: 0,
  startupMonths: 0, kwartiermakerMonths: 0, leadershipWeight: 0, leadershipAttempts: 0, homeBaseFte: 0, sharedUrgencyWeight: 0,
};

/** Builds a world from an inline region, with decisionNoise 0 and the MECHANISMS_OFF unless the test sets them. */
export function buildWorld(o: WorldOptions): World {
  const file = scenarioSchema.parse({
    name: 'unit',
    region: { name: 'Unit', municipalities: o.municipalities },
    start: o.start ?? '2015-01',
    end: o.end ?? '2016-12',
    spinup: o.spinup ?? 0,
    ...(o.evaluation ? { evaluation: o.evaluation } : {}),
    parameters: { decisionNoise: 0, ...MECHANISMS_OFF, ...o.parameters },
    structure: { formation: o.formation ?? true, ...(o.formationKinds ? { formationKinds: o.formationKinds } : {}) },
    ...(o.arrangements ? { arrangements: o.arrangements } : {}),
    ...(o.events ? { events: o.events } : {}),
  });
  const r = resolveScenario(file, () => undefined, []);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const w = initialise(r.scenario, o.seed ?? 1);
  if (o.neutral ?? true) {
    for (const m of w.municipalities) {
      (m as { autonomy: number }).autonomy = 0;
      m.stance = 0.5;
      m.interest.fill(1);
      m.relationship = 0.5;
      m.secretarySince = w.scenario.start - 120;
    }
  }
  return w;
}

/** Sets personal and institutional trust of i in j (both, so effective trust is the value whatever the weights). */
export function setTrust(w: World, i: number, j: number, v: number): void {
  const k = i * w.n + j;
  w.trust.personal[k] = v;
  for (let d = 0; d < w.trust.domains; d++) w.trust.institutional[d * w.n * w.n + k] = v;
}

/** Sets every off-diagonal trust to `v` (or to `f(i, j)`). */
export function setAllTrust(w: World, v: number | ((i: number, j: number) => number)): void {
  for (let i = 0; i < w.n; i++) for (let j = 0; j < w.n; j++) if (i !== j) setTrust(w, i, j, typeof v === 'number' ? v : v(i, j));
}

/**
 * A stream that returns the given uniforms in order. Every derived draw (bernoulli, normal,
 * poisson, weighted, ...) goes through next(), exactly as in the real Stream. The probabilities
 * asked of bernoulli are recorded, so tests can check them.
 */
export class ScriptedStream extends Stream {
  private readonly values: number[];
  used = 0;
  readonly asked: number[] = [];
  constructor(values: readonly number[]) {
    super('scripted');
    this.values = [...values];
  }
  override next(): number {
    if (this.used >= this.values.length) throw new Error(`scripted stream exhausted after ${this.used} draws`);
    return this.values[this.used++]!;
  }
  override bernoulli(p: number): boolean {
    this.asked.push(p);
    return super.bernoulli(p);
  }
  get remaining(): number {
    return this.values.length - this.used;
  }
}

/** Replaces one of the world's streams by a scripted one and returns it. */
export function script(w: World, name: StreamName, values: readonly number[] = []): ScriptedStream {
  const s = new ScriptedStream(values);
  w.rng[name] = s;
  return s;
}

/** Uniforms that make Stream.normal return exactly `z = +1` or `z = -1` (Box–Muller with u1 = e^-1/2). */
export const Z_PLUS_1: readonly number[] = [1 - Math.exp(-0.5), 0];
export const Z_MINUS_1: readonly number[] = [1 - Math.exp(-0.5), 0.5];

/** A task with the given fields, added to the world's task map with the next id. */
export function addTask(w: World, fields: Partial<Task> & Pick<Task, 'beneficiaries' | 'shares'>): Task {
  const task: Task = {
    id: w.nextTaskId++, domain: 'housing', arrived: w.t, location: fields.beneficiaries[0]!, urgency: 1, work: 0, budget: 5, value: 10,
    duration: 12, deadline: w.t + 12, noiseKey: 7, status: 'pool', table: null, blocked: false, dealtAt: null, mandje: null, mandjeTried: [], attempts: 0,
    participants: [], convinced: [], workDue: [], costShare: [], monitorFte: (fields.participants ?? []).map(() => 0), weight: [], delivered: [], owed: [], subsidy: 0, startedAt: -1, endsAt: -1, coordination: 0,
    ...fields,
  };
  w.tasks.set(task.id, task);
  return task;
}

export function arrangement(w: World, id: string) {
  const a = w.arrangements.find((x) => x.id === id);
  if (!a) throw new Error(`no arrangement ${id}`);
  return a;
}
