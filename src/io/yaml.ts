/**
 * The one YAML document loader of regiosim's input files (scenarios and experiments): parses the
 * text, reports syntax errors with line, column and a hint for the common mistakes, and gives
 * the line of any field path, so that every problem found later (schema, resolution) can name
 * its line.
 */
import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Problem } from './errors.js';
import { formatPath, parsePath } from './zod-problems.js';

/** At most this many aliases are expanded (a "billion laughs" document is refused, not expanded). */
export const MAX_ALIASES = 1000;

/** What to do about the YAML mistakes people make most. */
const YAML_HINTS: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'text that contains ": " must be put in quotes',
  MULTILINE_IMPLICIT_KEY: 'check the indentation, and put text that contains ": " in quotes',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  DUPLICATE_KEY: 'each key may appear once in a mapping',
  BAD_INDENT: 'check the indentation and the closing bracket',
};

export interface YamlDocument {
  /** The document as plain data (null or undefined for an empty file). */
  data: unknown;
  /** The line of the deepest node on `path` that exists (for an unknown key: the key itself). */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** A problem path with its line: `arrangements[0].kind (line 12)`. */
  at(path: readonly PropertyKey[] | string, label?: string): { shown: string; line: number | undefined };
}

export type YamlResult = { ok: true; doc: YamlDocument } | { ok: false; problems: Problem[] };

function lineIn(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const head = path.slice(0, n) as (string | number)[];
    if (n === path.length && n > 0) {
      const parent = doc.getIn(head.slice(0, -1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(head[head.length - 1]));
        if (pair && isNode(pair.key) && pair.key.range) return lines.linePos(pair.key.range[0]).line;
      }
    }
    const node = (n === 0 ? doc.contents : doc.getIn(head, true)) as YamlNode | null | undefined;
    if (node && isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Parses a YAML document; syntax errors come back as problems ("line 3, column 5: ..."). */
export function parseYaml(text: string): YamlResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        const hint = YAML_HINTS[e.code];
        return { path: `line ${pos.line}, column ${pos.col}`, expected: 'valid YAML', found: `a syntax error: ${e.message}${hint ? ` (${hint})` : ''}` };
      }),
    };
  }
  const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIASES });
  const lineOf = (path: readonly PropertyKey[]): number | undefined => lineIn(doc, lines, path);
  return {
    ok: true,
    doc: {
      data,
      lineOf,
      at: (path, label) => {
        const segments = typeof path === 'string' ? parsePath(path) : path;
        const text = label ?? (typeof path === 'string' ? path : formatPath(path));
        const line = segments ? lineOf(segments) : undefined;
        return { shown: line === undefined ? text || '(top level)' : `${text || '(top level)'} (line ${line})`, line };
      },
    },
  };
}
