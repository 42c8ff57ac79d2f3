import { describe, expect, it } from 'vitest';
import { fromAbsMonth, parseYearMonth, toAbsMonth } from '../../src/core/time.js';

describe('year-month clock', () => {
  it('round-trips', () => {
    expect(toAbsMonth('2015-01')).toBe(2015 * 12);
    expect(fromAbsMonth(2015 * 12 + 11)).toBe('2015-12');
    expect(fromAbsMonth(toAbsMonth('2006-03'))).toBe('2006-03');
    expect(parseYearMonth('2015-13')).toBeNull();
    expect(parseYearMonth('2015-1')).toBeNull();
  });
});
