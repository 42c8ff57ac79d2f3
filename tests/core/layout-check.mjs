// Run as `node --allow-natives-syntax tests/core/layout-check.mjs [package root]` (default: this
// checkout). Plain JavaScript against the compiled dist/ of that root, so that it can be pointed at
// an older build (a git worktree) to show that it fails there.
//
// Builds worlds of two scenarios with different seeds, steps them through the months in which
// events start and change arrangements and municipalities form their own, and checks with V8's
// %HaveSameMap that every municipality of both worlds, and the `props` of every arrangement, share
// one hidden class (map). Object spread gave each run's objects layouts of their own, and the hot
// loops that read them went polymorphic and were deoptimised again and again (issue 14).
//
// Prints one line per kind of object and exits 1 when any object has a map of its own.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = process.argv[2] ?? join(fileURLToPath(import.meta.url), '..', '..', '..');
const dist = (file) => pathToFileURL(join(root, 'dist', 'src', file)).href;
const { loadScenario } = await import(dist('io/scenario.js'));
const { scenarioSchema } = await import(dist('core/scenario/schema.js'));
const { resolveScenario } = await import(dist('core/scenario/resolve.js'));
const { RunStepper } = await import(dist('core/stepper.js'));
const { ARRANGEMENT_KINDS } = await import(dist('core/entities/arrangement.js'));

/** Steps a run `months` reported months on and returns its world. */
function worldAfter(scenario, seed, months) {
  const stepper = new RunStepper(scenario, seed, { events: false, trustSnapshots: false });
  for (let i = 0; i < months && stepper.next(); i++);
  return stepper.world;
}

// 1. The built-in basiscoalitie scenario, seed 1, to 2016: the WGR-plus it starts with, the MRDH
//    and the basiscoalitie that events start in 2015, and what formation adds.
const haaglanden = loadScenario('basiscoalitie').scenario;
const w1 = worldAfter(haaglanden, 1, 11 * 12);

// 2. A small inline region with one arrangement of every kind from the start, some with their
//    properties given in the scenario in another order, and a change of properties by an event.
const towns = ['Aa', 'Bee', 'Cee', 'Dee', 'Ee'];
const file = scenarioSchema.parse({
  name: 'layout',
  region: { name: 'Layout', municipalities: towns.map((name, i) => ({ name, population: 10_000 * (i + 1) })) },
  start: '2015-01',
  end: '2016-12',
  structure: { formation: true },
  arrangements: ARRANGEMENT_KINDS.map((kind, i) => ({
    id: `a-${kind}`,
    kind,
    members: 'all',
    domains: ['housing', 'economy'],
    ...(i % 2 ? { properties: { meetingInterval: 2, binding: 0.5 } } : {}),
  })),
  events: [{ date: '2015-06', type: 'change-arrangement', arrangement: 'a-gr', properties: { secretariat: 'none', agendaCapacity: 3 } }],
});
const resolved = resolveScenario(file, () => undefined, []);
if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
const w2 = worldAfter(resolved.scenario, 2, 12);

let failed = false;
function check(label, objects) {
  const own = objects.filter((o) => !%HaveSameMap(o, objects[0])).length;
  process.stdout.write(`${label}: ${objects.length} objects, ${own} with a map other than the first's\n`);
  if (objects.length < 2 || own > 0) failed = true;
}
check('municipalities', [...w1.municipalities, ...w2.municipalities]);
check('arrangement props', [...w1.arrangements, ...w2.arrangements].map((a) => a.props));
process.exitCode = failed ? 1 : 0;
