/**
 * The number and date formatter of each language: one home for how regiosim writes numbers and
 * dates for people (summaries, reports, charts, the console). Files for programs (CSV, JSON)
 * use src/formats/number.ts instead.
 *
 * English uses a decimal point, Dutch a decimal comma; both group thousands (`12,345` and
 * `12.345`) from five digits on in decimals and from four in counts, write minus as U+2212, a
 * missing value as an en dash, months as words ("March 2018", "maart 2018") and never an ISO
 * timestamp.
 *
 * Pure: no Node imports.
 */
import type { Lang } from './lang.js';

const LOCALE: Record<Lang, string> = { en: 'en-GB', nl: 'nl-NL' };

export const MONTH_NAMES: Record<Lang, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
};
const SHORT_MONTHS: Record<Lang, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
};
const DAYS: Record<Lang, readonly string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  nl: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
};
const SHORT_DAYS: Record<Lang, readonly string[]> = {
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  nl: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
};

const MISSING = '–';
const MINUS = '\u2212';
const PERIOD_JOIN: Record<Lang, string> = { en: ' to ', nl: ' tot en met ' };

export interface Formatter {
  readonly lang: Lang;
  /** A number with `decimals` fixed decimals. */
  decimal(x: number | null | undefined, decimals: number): string;
  /** A number to `digits` significant digits (whole from 1,000 on). */
  significant(x: number | null | undefined, digits?: number): string;
  /** A whole number. */
  count(x: number | null | undefined): string;
  /** A share as a percentage (0.25 → 25%). */
  percent(share: number | null | undefined, decimals?: number): string;
  /** A p-value: "< 0.001", else three decimals below 0.01 and two above. */
  p(p: number | null | undefined): string;
  /** A number for a quick look on the console: at most three decimals, fewer as it grows. */
  short(x: number | null | undefined): string;
  /** `YYYY-MM` as words: "March 2018". */
  month(ym: string | null | undefined): string;
  /** Two months as a period: "January 2015 to December 2030". */
  period(from: string | null | undefined, to: string | null | undefined): string;
  /** An ISO timestamp as words: "1 December 2026, 19:56 UTC". */
  timestamp(iso: string | null | undefined): string;
  /** A small whole number as a word ("four", "vier"); digits from 13 on. */
  word(n: number): string;
}

const WORDS: Record<Lang, readonly string[]> = {
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
  nl: ['nul', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf'],
};

function finite(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function fixed(lang: Lang, x: number, decimals: number, groupFrom: number): string {
  const d = Math.max(0, Math.min(8, decimals));
  // A value that rounds to zero is zero, not "-0".
  const v = Math.abs(x) < 0.5 * 10 ** -d ? 0 : x;
  const text = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: Math.abs(v) >= groupFrom }).format(Math.abs(v));
  return v < 0 ? `${MINUS}${text}` : text;
}

function make(lang: Lang): Formatter {
  const f: Formatter = {
    lang,
    decimal: (x, decimals) => (finite(x) ? fixed(lang, x, decimals, 10_000) : MISSING),
    significant: (x, digits = 3) => {
      if (!finite(x)) return MISSING;
      if (x === 0) return '0';
      if (Math.abs(x) >= 1000) return fixed(lang, x, 0, 10_000);
      const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(x))));
      // Trailing zeros are not significant digits worth showing.
      return fixed(lang, Number(x.toPrecision(digits)), decimals, 10_000).replace(/([.,]\d*?)0+$/, '$1').replace(/[.,]$/, '');
    },
    count: (x) => (finite(x) ? fixed(lang, Math.round(x), 0, 1000) : MISSING),
    percent: (share, decimals = 0) => (finite(share) ? `${fixed(lang, 100 * share, decimals, 10_000)}%` : MISSING),
    p: (p) => {
      if (!finite(p)) return MISSING;
      if (p < 0.001) return `< ${fixed(lang, 0.001, 3, 10_000)}`;
      return fixed(lang, p, p < 0.01 ? 3 : 2, 10_000);
    },
    short: (x) => {
      if (!finite(x)) return MISSING;
      if (Number.isInteger(x)) return fixed(lang, x, 0, Infinity);
      const abs = Math.abs(x);
      return fixed(lang, x, abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3, Infinity);
    },
    month: (ym) => {
      const m = /^(\d{4})-(\d{2})/.exec(ym ?? '');
      if (!m) return ym ?? MISSING;
      return `${MONTH_NAMES[lang][Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
    },
    period: (from, to) => (from && to ? `${f.month(from)}${PERIOD_JOIN[lang]}${f.month(to)}` : MISSING),
    timestamp: (iso) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso ?? '');
      if (!m) return iso ?? MISSING;
      return `${Number(m[3])} ${MONTH_NAMES[lang][Number(m[2]) - 1]} ${m[1]}, ${m[4]}:${m[5]} UTC`;
    },
    word: (n) => (Number.isInteger(n) && n >= 0 && n < WORDS[lang].length ? WORDS[lang][n]! : f.count(n)),
  };
  return f;
}

const FORMATTERS: Record<Lang, Formatter> = { en: make('en'), nl: make('nl') };

/** The formatter of a language. */
export function formatter(lang: Lang): Formatter {
  return FORMATTERS[lang];
}

/**
 * Decimals that show a value as precisely as an interval's half-width allows: to the half-width's
 * first significant digit, or the value's three significant digits when the half-width is zero
 * or unknown.
 */
export function decimalsFor(halfWidth: number, value: number): number {
  if (Number.isFinite(halfWidth) && halfWidth > 0) return Math.max(0, -Math.floor(Math.log10(halfWidth)));
  if (Number.isFinite(value) && value !== 0) return Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
  return 0;
}

/**
 * Decimals for an estimate in a table beside its interval: one more than the first significant
 * decimal of the half width (an interval of ±0.012 gives 3 decimals), 0 to 4; undefined when the
 * interval is unknown or empty.
 */
export function decimalsForInterval(lo: number | null | undefined, hi: number | null | undefined): number | undefined {
  if (!finite(lo) || !finite(hi)) return undefined;
  const half = Math.abs(hi - lo) / 2;
  if (half === 0) return undefined;
  return Math.max(0, Math.min(4, Math.ceil(-Math.log10(half)) + 1));
}

/**
 * The d3-format and d3-time-format locale of a language, for Vega charts (undefined for
 * English, Vega's default).
 */
export function vegaLocale(lang: Lang): Record<string, unknown> | undefined {
  if (lang === 'en') return undefined;
  return {
    number: { decimal: ',', thousands: '.', grouping: [3], currency: ['€ ', ''] },
    time: {
      dateTime: '%a %e %B %Y %X', date: '%d-%m-%Y', time: '%H:%M:%S', periods: ['AM', 'PM'],
      days: [...DAYS.nl], shortDays: [...SHORT_DAYS.nl], months: [...MONTH_NAMES.nl], shortMonths: [...SHORT_MONTHS.nl],
    },
  };
}
