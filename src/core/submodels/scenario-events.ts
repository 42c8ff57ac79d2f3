/** Scenario events at dates: structure decreed from outside (WGR-plus ends, new bodies start), task rates, austerity. */
import { isActive } from '../entities/arrangement.js';
import { domainIdx, emit, type World } from '../state.js';
import { createArrangement, dissolve } from './arrangements.js';

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
        a.props = { ...a.props, ...e.properties };
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
        break;
    }
  }
}
