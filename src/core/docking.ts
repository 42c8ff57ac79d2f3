/**
 * The docking baseline (Axtell et al. 1996): a static model beside the agent-based one, run on
 * the same tasks. Per task, the municipalities that benefit cooperate when the task's value
 * exceeds what it costs them plus the transaction costs of doing it together (Feiock's
 * institutional collective action: information, negotiation and enforcement), with or without a
 * table. Nothing else: no trust dynamics (trust is `trustBase`), no people who leave, no councils,
 * no capacity, no exits or formation; the structure is the scenario's as designed.
 *
 * Same scenario and seed as a run of the agent-based model give the same tasks: the baseline
 * initialises the world the same way and draws tasks from the same `tasks` stream, applying the
 * scenario's events (arrangements that start or end, task-rate changes) but none of the agents'
 * submodels, which draw from other streams.
 *
 * Per task (value V, cost C = budget + work and the project-group seats at fteMonthCost, k
 * beneficiaries): the table is the one the agenda would route it to (findTable); with a table
 * the deal costs are discounted by what supports it (dealDiscount), enforcement by its
 * bindingness, and central funds pay the share s of the cost. The task is done when
 *
 *   V − (1 − s)·C > TC,  TC = fteMonthCost · k · [(tc.information + tc.negotiation·(k − 1))·(1 − discount)
 *                                                 + tc.enforcement·(1 − binding)·(1 − trustBase)].
 */
import { totalCost } from './entities/task.js';
import { initialise } from './initialization.js';
import type { Scenario } from './scenario/resolve.js';
import { inEvaluation } from './state.js';
import { findTable } from './submodels/agenda.js';
import { refreshStructure } from './submodels/arrangements.js';
import { arriveTasks } from './submodels/arrival.js';
import { dealDiscount, subsidyAt } from './submodels/decision.js';
import { applyScenarioEvents } from './submodels/scenario-events.js';

/** The outcomes the baseline gives, with the agent-based model's names and units. */
export const DOCKING_OUTCOMES = ['value_per_inhabitant', 'value_net_per_inhabitant', 'completion_rate'] as const;
export type DockingOutcome = (typeof DOCKING_OUTCOMES)[number];

export interface DockingResult {
  /** Tasks that arose in the evaluation window (as the model's tasks_arrived). */
  tasks: number;
  /** Of those, tasks done together. */
  done: number;
  /** Of those, tasks that went to a table. */
  atTable: number;
  outcomes: Record<DockingOutcome, number>;
}

export function dockingBaseline(scenario: Scenario, seed: number): DockingResult {
  const world = initialise(scenario, seed, false);
  const p = world.params;
  let tasks = 0;
  let done = 0;
  let atTable = 0;
  let value = 0;
  let net = 0;
  for (let t = scenario.start - scenario.spinup; t <= scenario.end; t++) {
    world.t = t;
    applyScenarioEvents(world);
    refreshStructure(world);
    const before = world.nextTaskId;
    arriveTasks(world);
    for (let id = before; id < world.nextTaskId; id++) {
      const task = world.tasks.get(id)!;
      world.tasks.delete(id);
      if (!inEvaluation(world)) continue;
      tasks++;
      const table = findTable(world, task);
      if (table) atTable++;
      const k = task.beneficiaries.length;
      const discount = dealDiscount(world, table);
      const binding = table ? table.props.binding : p['adhoc.binding'];
      const perMember = (p['tc.information'] + p['tc.negotiation'] * (k - 1)) * (1 - discount) + p['tc.enforcement'] * (1 - binding) * (1 - p.trustBase);
      const tc = p.fteMonthCost * k * perMember;
      const cost = totalCost(task, p.fteMonthCost) + k * p.taskFixedFte * task.duration * p.fteMonthCost;
      const paid = (1 - subsidyAt(table, task)) * cost;
      if (task.value - paid > tc) {
        done++;
        value += task.value;
        net += task.value - paid - tc;
      }
    }
  }
  const years = (scenario.evaluation.to - scenario.evaluation.from + 1) / 12;
  const perInhabitantYear = (meur: number): number => (meur * 1e6) / world.totalPopulation / years;
  return {
    tasks, done, atTable,
    outcomes: { value_per_inhabitant: perInhabitantYear(value), value_net_per_inhabitant: perInhabitantYear(net), completion_rate: tasks > 0 ? done / tasks : NaN },
  };
}
