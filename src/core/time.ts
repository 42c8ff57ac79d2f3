/** Calendar helpers: the model's clock counts months; dates are written `YYYY-MM`. */

export type YearMonth = string;

export function parseYearMonth(text: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { year, month };
}

/** Absolute month number (year*12 + month-1) of a `YYYY-MM` date; throws on a malformed date. */
export function toAbsMonth(text: string): number {
  const p = parseYearMonth(text);
  if (!p) throw new Error(`not a YYYY-MM date: ${text}`);
  return p.year * 12 + (p.month - 1);
}

export function fromAbsMonth(abs: number): YearMonth {
  const year = Math.floor(abs / 12);
  const month = (abs % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}


