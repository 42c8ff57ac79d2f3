import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_DESCRIPTIONS, EVENT_TYPES, OUTCOMES, TIMESERIES_COLUMNS, TIMESERIES_DESCRIPTIONS } from '../../src/core/results.js';

describe('output documentation', () => {
  const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
  it('describes every timeseries column, outcome and event type in the README', () => {
    for (const c of TIMESERIES_COLUMNS) {
      expect(TIMESERIES_DESCRIPTIONS[c].length, c).toBeGreaterThan(10);
      expect(readme, c).toContain(`| \`${c}\` |`);
    }
    for (const o of OUTCOMES) expect(readme, o.name).toContain(`| \`${o.name}\` |`);
    for (const e of EVENT_TYPES) {
      expect(EVENT_DESCRIPTIONS[e].length, e).toBeGreaterThan(10);
      expect(readme, e).toContain(`| \`${e}\` |`);
    }
  });
  it('has unique column and outcome names', () => {
    expect(new Set(TIMESERIES_COLUMNS).size).toBe(TIMESERIES_COLUMNS.length);
    expect(new Set(OUTCOMES.map((o) => o.name)).size).toBe(OUTCOMES.length);
  });
});
