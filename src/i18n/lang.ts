/** The languages of regiosim's output: every user-facing text exists in both. */
export const LANGS = ['en', 'nl'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (LANGS as readonly string[]).includes(x);
}
