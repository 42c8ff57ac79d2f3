/**
 * The calendar of a scenario: the months of its council elections (from the election
 * parameters) and its structural events (arrangements a scenario event starts, ends or
 * changes). Charts, trust snapshots and captions take their dates from here, never from
 * constants. Pure.
 */
import type { ArrangementKind } from './entities/arrangement.js';
import type { Params } from './params.js';
import type { Scenario } from './scenario/resolve.js';
import { fromAbsMonth } from './time.js';

/** Whether absolute month `t` is an election month under the election parameters. */
export function isElectionMonthOf(p: Pick<Params, 'electionMonth' | 'electionFirstYear' | 'electionCycle'>, t: number): boolean {
  const year = Math.floor(t / 12);
  const month = (t % 12) + 1;
  return month === p.electionMonth && (((year - p.electionFirstYear) % p.electionCycle) + p.electionCycle) % p.electionCycle === 0;
}

export interface CalendarEvent {
  /** Month, YYYY-MM. */
  date: string;
  change: 'start' | 'end' | 'change';
  arrangement: string;
  /** The arrangement's readable name. */
  name: string;
  kind: ArrangementKind;
  /** The event's label in the scenario file, or null. */
  label: string | null;
}

export interface Calendar {
  /** Election months within the horizon, YYYY-MM, ascending. */
  elections: string[];
  /** Years between elections. */
  cycle: number;
  /** Structural scenario events in date order (events of one date in file order). */
  events: CalendarEvent[];
}

export function scenarioCalendar(s: Scenario): Calendar {
  const elections: string[] = [];
  for (let t = s.start; t <= s.end; t++) if (isElectionMonthOf(s.params, t)) elections.push(fromAbsMonth(t));
  const known = new Map(s.arrangements.map((a) => [a.id, a] as const));
  const events: CalendarEvent[] = [];
  for (const e of s.events) {
    if (e.type === 'start-arrangement') {
      known.set(e.arrangement.id, e.arrangement);
      events.push({ date: fromAbsMonth(e.at), change: 'start', arrangement: e.arrangement.id, name: e.arrangement.name, kind: e.arrangement.kind, label: e.label ?? null });
    } else if (e.type === 'end-arrangement' || e.type === 'change-arrangement') {
      const a = known.get(e.arrangement);
      if (!a) continue;
      events.push({ date: fromAbsMonth(e.at), change: e.type === 'end-arrangement' ? 'end' : 'change', arrangement: a.id, name: a.name, kind: a.kind, label: e.label ?? null });
    }
  }
  return { elections, cycle: s.params.electionCycle, events };
}
