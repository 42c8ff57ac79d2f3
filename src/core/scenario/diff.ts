/**
 * In what two resolved scenarios differ, sorted into what a comparison may and may not differ in
 * (docs/ODD.md, section 9):
 *
 * - `structure`: the governance structure under study: the arrangements in place at the start,
 *   the structural scenario events (start-, end- and change-arrangement) and whether and what
 *   municipalities may form themselves;
 * - `scope`: which domains have a table in the evaluation window, a consequence of the structure
 *   that a comparison of kinds of structure must hold equal unless scope is the question;
 * - `setting`: everything else (region, horizon, spin-up, evaluation window, parameters,
 *   external events such as task-rate changes and austerity). Scenarios compared side by side
 *   should not differ in any setting.
 *
 * Pure: compares the resolved scenarios, reads no files.
 */
import { DOMAINS, type Domain } from '../domains.js';
import { kindProperties } from '../entities/arrangement.js';
import { PARAM_NAMES } from '../params.js';
import { fromAbsMonth } from '../time.js';
import type { ArrangementSpec, Scenario, ScenarioEvent } from './resolve.js';

export type DifferenceKind = 'structure' | 'scope' | 'setting';

export interface Difference {
  readonly kind: DifferenceKind;
  /** What differs, in the scenario's own terms (ids, kinds, domains, dates, parameter names). */
  readonly what: string;
  /** The value in the scenario, and in its reference. */
  readonly here: string;
  readonly there: string;
}

const STRUCTURAL: ReadonlySet<ScenarioEvent['type']> = new Set(['start-arrangement', 'end-arrangement', 'change-arrangement']);

function arrangementText(a: ArrangementSpec, s: Scenario): string {
  const names = a.members.length === s.region.municipalities.length ? 'all' : a.members.map((m) => s.region.municipalities[m]!.name).join(', ');
  const funding = Object.entries(a.funding).map(([d, v]) => `${d} ${v}`).join(', ');
  const modules = Object.entries(a.modules).map(([d, ms]) => `${d}: ${ms.map((m) => s.region.municipalities[m]!.name).join(', ')}`).join('; ');
  return `${a.kind} [${a.domains.join(', ')}] members ${names}${funding ? `, funding ${funding}, fundShare ${a.fundShare}` : ''}${modules ? `, modules ${modules}` : ''}`;
}

function propsText(a: ArrangementSpec): string {
  return JSON.stringify(a.props);
}

/** The properties an arrangement sets itself, beyond its kind's under the scenario's parameters. */
function ownProperties(a: ArrangementSpec, s: Scenario): string {
  const kind = kindProperties(a.kind, s.params) as unknown as Record<string, unknown>;
  const own = Object.entries(a.props).filter(([k, v]) => kind[k] !== v).map(([k, v]) => `${k} ${String(v)}`);
  return own.length ? `, properties ${own.join(', ')}` : '';
}

function eventText(e: ScenarioEvent, s: Scenario): string {
  const at = fromAbsMonth(e.at);
  switch (e.type) {
    case 'start-arrangement':
      return `${at} start ${e.arrangement.id}: ${arrangementText(e.arrangement, s)}${ownProperties(e.arrangement, s)}`;
    case 'end-arrangement':
      return `${at} end ${e.arrangement}`;
    case 'change-arrangement': {
      const parts = [
        ...(e.domains ? [`domains [${e.domains.join(', ')}]`] : []),
        ...Object.entries(e.properties).map(([k, v]) => `${k} ${String(v)}`),
        ...Object.entries(e.funding ?? {}).map(([d, v]) => `funding ${d} ${v}`),
      ];
      return `${at} change ${e.arrangement}: ${parts.join(', ')}`;
    }
    case 'task-rate':
      return `${at} task rate ${e.domain} x${e.multiplier}`;
    case 'austerity':
      return `${at} austerity x${e.capacity}`;
  }
}

/** Domains that have a table (an arrangement with agendaCapacity > 0) at month `t`, after that month's events. */
export function domainsWithTable(s: Scenario, t: number): Domain[] {
  const live = new Map<string, { domains: Domain[]; table: boolean }>();
  for (const a of s.arrangements) live.set(a.id, { domains: [...a.domains], table: a.props.agendaCapacity > 0 });
  for (const e of s.events) {
    if (e.at > t) break;
    if (e.type === 'start-arrangement') live.set(e.arrangement.id, { domains: [...e.arrangement.domains], table: e.arrangement.props.agendaCapacity > 0 });
    else if (e.type === 'end-arrangement') live.delete(e.arrangement);
    else if (e.type === 'change-arrangement') {
      const a = live.get(e.arrangement);
      if (!a) continue;
      if (e.domains) a.domains = [...e.domains];
      if (e.properties.agendaCapacity !== undefined) a.table = e.properties.agendaCapacity > 0;
    }
  }
  const out = new Set<Domain>();
  for (const a of live.values()) if (a.table) for (const d of a.domains) out.add(d);
  return DOMAINS.filter((d) => out.has(d));
}

/** Months at which the table scope may change within the evaluation window: its first month and every structural event in it. */
function scopeMonths(s: Scenario): number[] {
  const months = new Set<number>([s.evaluation.from]);
  for (const e of s.events) if (STRUCTURAL.has(e.type) && e.at > s.evaluation.from && e.at <= s.evaluation.to) months.add(e.at);
  return [...months].sort((a, b) => a - b);
}

function multisetDiff(here: string[], there: string[]): { onlyHere: string[]; onlyThere: string[] } {
  const count = new Map<string, number>();
  for (const x of there) count.set(x, (count.get(x) ?? 0) + 1);
  const onlyHere: string[] = [];
  for (const x of here) {
    const c = count.get(x) ?? 0;
    if (c > 0) count.set(x, c - 1);
    else onlyHere.push(x);
  }
  const onlyThere: string[] = [];
  for (const [x, c] of count) for (let k = 0; k < c; k++) onlyThere.push(x);
  return { onlyHere, onlyThere: onlyThere.sort() };
}

/** Every difference of `s` from `ref`: settings first, then structure, then scope. Empty when they are the same scenario. */
export function scenarioDifferences(s: Scenario, ref: Scenario): Difference[] {
  const out: Difference[] = [];
  const setting = (what: string, here: string, there: string): void => {
    if (here !== there) out.push({ kind: 'setting', what, here, there });
  };
  setting('region', s.region.id, ref.region.id);
  setting('horizon', `${fromAbsMonth(s.start)} to ${fromAbsMonth(s.end)}`, `${fromAbsMonth(ref.start)} to ${fromAbsMonth(ref.end)}`);
  setting('spin-up', `${s.spinup} months`, `${ref.spinup} months`);
  setting('evaluation window', `${fromAbsMonth(s.evaluation.from)} to ${fromAbsMonth(s.evaluation.to)}`, `${fromAbsMonth(ref.evaluation.from)} to ${fromAbsMonth(ref.evaluation.to)}`);
  setting('default seed', String(s.defaultSeed), String(ref.defaultSeed));
  for (const name of PARAM_NAMES) setting(`parameter ${name}`, String(s.params[name]), String(ref.params[name]));
  const external = (x: Scenario): string[] => x.events.filter((e) => !STRUCTURAL.has(e.type)).map((e) => eventText(e, x));
  const ext = multisetDiff(external(s), external(ref));
  for (const e of ext.onlyHere) out.push({ kind: 'setting', what: 'event', here: e, there: 'none' });
  for (const e of ext.onlyThere) out.push({ kind: 'setting', what: 'event', here: 'none', there: e });

  const structure = (what: string, here: string, there: string): void => {
    if (here !== there) out.push({ kind: 'structure', what, here, there });
  };
  structure('formation', s.formation ? `yes (${s.formationKinds.join(', ')})` : 'no', ref.formation ? `yes (${ref.formationKinds.join(', ')})` : 'no');
  const ids = [...new Set([...s.arrangements.map((a) => a.id), ...ref.arrangements.map((a) => a.id)])];
  for (const id of ids) {
    const a = s.arrangements.find((x) => x.id === id);
    const b = ref.arrangements.find((x) => x.id === id);
    structure(`arrangement ${id} at the start`, a ? arrangementText(a, s) : 'none', b ? arrangementText(b, ref) : 'none');
    if (a && b) structure(`properties of ${id}`, propsText(a), propsText(b));
  }
  const structural = (x: Scenario): string[] => x.events.filter((e) => STRUCTURAL.has(e.type)).map((e) => eventText(e, x));
  const str = multisetDiff(structural(s), structural(ref));
  for (const e of str.onlyHere) out.push({ kind: 'structure', what: 'event', here: e, there: 'none' });
  for (const e of str.onlyThere) out.push({ kind: 'structure', what: 'event', here: 'none', there: e });

  const months = [...new Set([...scopeMonths(s), ...scopeMonths(ref)])].sort((a, b) => a - b);
  for (const t of months) {
    if (t < s.evaluation.from || t > s.evaluation.to) continue;
    const here = domainsWithTable(s, t).join(', ') || 'none';
    const there = domainsWithTable(ref, t).join(', ') || 'none';
    if (here !== there) out.push({ kind: 'scope', what: `domains with a table from ${fromAbsMonth(t)}`, here, there });
  }
  return out;
}
