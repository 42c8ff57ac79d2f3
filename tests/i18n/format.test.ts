/** The number and date formatter of each language. */
import { describe, expect, it } from 'vitest';
import { decimalsFor, decimalsForInterval, formatter, vegaLocale } from '../../src/i18n/format.js';

const en = formatter('en');
const nl = formatter('nl');

describe('numbers', () => {
  it('writes fixed decimals in the language\'s notation, with a real minus and no minus zero', () => {
    expect(nl.decimal(-1234.5, 1)).toBe('−1234,5');
    expect(en.decimal(12345.5, 1)).toBe('12,345.5');
    expect(nl.decimal(12345.5, 1)).toBe('12.345,5');
    expect(en.decimal(-0.0001, 2)).toBe('0.00');
    expect(nl.decimal(-0.0753, 3)).toBe('−0,075');
    expect(en.decimal(Number.NaN, 1)).toBe('–');
    expect(en.decimal(null, 1)).toBe('–');
  });

  it('writes significant digits without trailing zeros, whole numbers from 1,000', () => {
    expect(en.significant(0.55432)).toBe('0.554');
    expect(nl.significant(12.345)).toBe('12,3');
    expect(en.significant(0.0100001)).toBe('0.01');
    expect(en.significant(0.99961)).toBe('1');
    expect(en.significant(-0.5)).toBe('−0.5');
    expect(en.significant(1234.5)).toBe('1235');
    expect(en.significant(0)).toBe('0');
    expect(en.significant(96.54, 2)).toBe('97');
  });

  it('groups counts from four digits and writes shares as percentages', () => {
    expect(en.count(1000)).toBe('1,000');
    expect(nl.count(12000)).toBe('12.000');
    expect(en.count(999)).toBe('999');
    expect(en.percent(0.965)).toBe('97%');
    expect(nl.percent(0.1234, 1)).toBe('12,3%');
  });

  it('writes p-values with two decimals, three below 0.01, and a bound below 0.001', () => {
    expect(en.p(0.6)).toBe('0.60');
    expect(en.p(1)).toBe('1.00');
    expect(nl.p(0.0123)).toBe('0,01');
    expect(en.p(0.0042)).toBe('0.004');
    expect(nl.p(0.00001)).toBe('< 0,001');
  });

  it('gives the console at most three decimals, fewer for large numbers, and no grouping', () => {
    expect(en.short(0.12345)).toBe('0.123');
    expect(en.short(12.345)).toBe('12.3');
    expect(nl.short(1234.5)).toBe('1235');
    expect(nl.short(2.5)).toBe('2,50');
    expect(en.short(42)).toBe('42');
    expect(en.short(Number.NaN)).toBe('–');
  });
});

describe('dates', () => {
  it('writes months and periods in words, never YYYY-MM', () => {
    expect(en.month('2018-03')).toBe('March 2018');
    expect(nl.month('2015-01')).toBe('januari 2015');
    expect(en.period('2015-01', '2030-12')).toBe('January 2015 to December 2030');
    expect(nl.period('2015-01', '2030-12')).toBe('januari 2015 tot en met december 2030');
  });

  it('writes timestamps in words, in UTC', () => {
    expect(en.timestamp('2026-12-01T19:56:57.123Z')).toBe('1 December 2026, 19:56 UTC');
    expect(nl.timestamp('2026-01-01T00:00:00.000Z')).toBe('1 januari 2026, 00:00 UTC');
  });

  it('gives Vega charts the Dutch number and time locale', () => {
    expect(vegaLocale('en')).toBeUndefined();
    expect(vegaLocale('nl')).toMatchObject({ number: { decimal: ',', thousands: '.' }, time: { months: expect.arrayContaining(['maart']) } });
  });
});

describe('precision', () => {
  it('rounds to the first significant digit of the half-width of an interval', () => {
    expect(decimalsFor(0.0043, 0.05)).toBe(3);
    expect(decimalsFor(0.68, 5.3)).toBe(1);
    expect(decimalsFor(4.3, 100)).toBe(0);
    expect(decimalsFor(43, 1000)).toBe(0);
    expect(decimalsFor(NaN, 0.123456)).toBe(3);
  });

  it('shows a table estimate one digit beyond its interval\'s first significant decimal', () => {
    expect(decimalsForInterval(0.45, 0.55)).toBe(3);
    expect(decimalsForInterval(10.7, 11.6)).toBe(2);
    expect(decimalsForInterval(-64.4, -56.1)).toBe(1);
    expect(decimalsForInterval(100, 300)).toBe(0);
    expect(decimalsForInterval(null, 1)).toBeUndefined();
  });
});
