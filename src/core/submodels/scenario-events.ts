/** Scenario events at dates: structure decreed from outside (WGR-plus ends, new bodies start), task rates, austerity. */
import { isActive, propsOf } from '../entities/arrangement.js';
import { domainIdx, emit, type World } from '../state.js';
import { createArrangement, dissolve } from './arrangements.js';
import { reviewMember } from './elections.js';

export function applyScenarioEvents(world: World): void {
  for (const e of world.scenario.events) {
    if (e.at !== world.t) continue;
    const label: Record<string, string> = e.label ? { label: e.label } : {};
    switch (e.type) {
      case 'start-arrangement': {
        const a = createArrangement(world, e.arrangement, false);
        emit(world, 'scenario', a.members, { arrangement: a.id, detail: { event: e.type, kind: a.kind, ...label } });
        break;
      }
      case 'end-arrangement': {
        const a = world.arrangements.find((x) => x.id === e.arrangement && isActive(x));
        if (a) {
          emit(world, 'scenario', a.members, { arrangement: a.id, detail: { event: e.type, reason: e.reason, ...label } });
          dissolve(world, a, e.reason, true);
        }
        break;
      }
      case 'change-arrangement': {
        const a = world.arrangements.find((x) => x.id === e.arrangement && isActive(x));
        if (!a) break;
        a.props = propsOf({ ...a.props, ...e.properties });
        if (e.funding) for (const [d, v] of Object.entries(e.funding)) a.funding.set(d as never, v);
        if (e.domains) a.domains = [...e.domains];
        world.structureDirty = true;
        emit(world, 'scenario', a.members, { arrangement: a.id, detail: { event: e.type, ...label } });
        break;
      }
      case 'task-rate':
        world.rateMultiplier[domainIdx(e.domain)] = e.multiplier;
        emit(world, 'scenario', [], { domain: e.domain, detail: { event: e.type, multiplier: e.multiplier, ...label } });
        break;
      case 'austerity':
        world.capacityMultiplier *= e.capacity;
        emit(world, 'scenario', [], { detail: { event: e.type, capacity: e.capacity, ...label } });
        austerityChoices(world, 1 - e.capacity);
        break;
    }
  }
}

/**
 * Stylized fact 7, as a choice: under a general staff cut a municipality decides what to cut
 * first, its regional work and contributions or its own apparatus. It cuts the regional work
 * first when cooperation brought it less per euro over the current term than its own apparatus
 * (value for money below austerityOwnReturn): its regional capacity then falls
 * austerityRegionalDepth times the general cut and it reviews its voluntary memberships at once
 * (as a budget review would); otherwise regional work takes austerityProtectedDepth times the cut.
 */
function austerityChoices(world: World, cut: number): void {
  if (cut <= 0) return;
  const p = world.params;
  for (const m of world.municipalities) {
    const vfm = (m.termValue + 0.01) / (m.termCost + 0.01);
    const regionalFirst = vfm < p.austerityOwnReturn;
    const depth = regionalFirst ? p.austerityRegionalDepth : p.austerityProtectedDepth;
    m.capacityFactor *= Math.max(0, 1 - cut * depth) / Math.max(1e-9, 1 - cut);
    if (world.t >= world.scenario.start) {
      world.totals.austerityChoices++;
      if (regionalFirst) world.totals.austerityRegionalFirst++;
    }
    emit(world, 'austerity-choice', [m.index], { detail: { cut: regionalFirst ? 'regional work first' : 'own apparatus first', value_for_money: Math.round(vfm * 1000) / 1000 } });
    if (regionalFirst) {
      for (const a of [...world.arrangements]) {
        if (isActive(a) && !a.props.mandatory && a.members.includes(m.index)) reviewMember(world, a, m.index, 1, 'austerity');
      }
    }
  }
}
