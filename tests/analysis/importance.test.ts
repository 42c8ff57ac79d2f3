/**
 * The verdict of a comparison (src/analysis/importance.ts): better or worse only when the
 * difference is clear and at least 0.2 standard deviations of the reference's runs; inputs read
 * back are never compared.
 */
import { describe, expect, it } from 'vitest';
import { MIN_IMPORTANCE, verdictOf } from '../../src/analysis/importance.js';
import { measure } from '../../src/core/measures.js';

const row = (difference: number, lo: number, hi: number, importance: number, significant = true) => ({ difference, ci_lo: lo, ci_hi: hi, importance, significant });

describe('verdictOf', () => {
  const higher = measure('run', 'value_net_per_inhabitant')!;
  const lower = measure('run', 'exits')!;
  const neutral = measure('run', 'joins')!;
  const input = measure('run', 'tasks_arrived')!;

  it('follows the outcome direction for clear differences of practical importance', () => {
    expect(higher.direction).toBe('higher');
    expect(lower.direction).toBe('lower');
    expect(verdictOf(higher, row(1.4, 1.1, 1.7, 0.3))).toBe('better');
    expect(verdictOf(higher, row(-1.4, -1.7, -1.1, 0.3))).toBe('worse');
    expect(verdictOf(lower, row(0.8, 0.5, 1.2, 0.6))).toBe('worse');
    expect(verdictOf(lower, row(-0.8, -1.2, -0.5, 0.6))).toBe('better');
    expect(neutral.direction).toBe('neutral');
    expect(verdictOf(neutral, row(-3.8, -4.6, -3.1, 1.2))).toBe('lower');
  });

  it('calls a clear but small difference no difference, and so an unclear one', () => {
    expect(MIN_IMPORTANCE).toBe(0.2);
    expect(verdictOf(higher, row(0.1, 0.05, 0.15, 0.199))).toBe('no-difference');
    expect(verdictOf(higher, row(0.1, 0.05, 0.15, 0.2))).toBe('better');
    expect(verdictOf(higher, row(1, -0.1, 2.1, 0.9))).toBe('no-difference');
    expect(verdictOf(higher, row(1, 0.5, 1.5, 0.9, false))).toBe('no-difference');
    expect(verdictOf(higher, row(1, 0.5, 1.5, Infinity))).toBe('better');
    expect(verdictOf(higher, row(1, 0.5, 1.5, Number.NaN))).toBe('no-difference');
  });

  it('never compares an input read back', () => {
    expect(input.readBack).toBe(true);
    expect(verdictOf(input, row(5, 4, 6, 2))).toBe('input');
  });
});
