import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkParam, defaultParams, PARAM_NAMES, PARAMS } from '../../src/core/params.js';
import { KIND_DEFAULTS } from '../../src/core/entities/arrangement.js';

describe('parameter registry', () => {
  it('has every default within its declared bounds, with unit, meaning and justification', () => {
    const d = defaultParams();
    for (const name of PARAM_NAMES) {
      expect(checkParam(name, d[name]), name).toBeNull();
      expect(PARAMS[name].unit.length, name).toBeGreaterThan(0);
      expect(PARAMS[name].meaning.length, name).toBeGreaterThan(10);
      expect(PARAMS[name].justification.length, name).toBeGreaterThan(5);
    }
  });
  it('rejects out-of-bounds, non-numeric and fractional integer values', () => {
    expect(checkParam('secretaryTurnoverPerYear', -0.1)).toMatch(/between 0 and 0.6/);
    expect(checkParam('secretaryTurnoverPerYear', Number.NaN)).toMatch(/finite number/);
    expect(checkParam('taskPatience', 2.5)).toMatch(/whole number/);
  });
  it('is documented parameter by parameter in docs/ODD.md', () => {
    const odd = readFileSync(join(import.meta.dirname, '../../docs/ODD.md'), 'utf8');
    for (const name of PARAM_NAMES) expect(odd, name).toContain(`\`${name}\``);
    for (const kind of Object.keys(KIND_DEFAULTS)) expect(odd, kind).toContain(`\`${kind}\``);
  });
  it('states each default in docs/ODD.md as the code has it', () => {
    const odd = readFileSync(join(import.meta.dirname, '../../docs/ODD.md'), 'utf8');
    for (const name of PARAM_NAMES) {
      const row = odd.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
      expect(row, name).toBeDefined();
      const cells = row!.split('|').map((c) => c.trim());
      // | name | meaning | unit | default | bounds | justification |
      expect(Number(cells[4]), name).toBe(PARAMS[name].default);
    }
  });
});
