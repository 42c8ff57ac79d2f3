/**
 * The one YAML document loader of regiosim's input files (scenarios and experiments): checks the
 * bytes (size, encoding), parses the text, reports syntax errors with line, column, a short
 * quote of the line and a hint for the common mistakes, and gives the line of any field path,
 * so that every problem found later (schema, resolution) can name its line.
 *
 * Every hazard of a hostile file is a problem of the file, never an exception or a hang:
 *
 * - a file larger than {@link MAX_YAML_BYTES};
 * - text that is not UTF-8 (UTF-16 or UTF-32, with or without a byte-order mark, Latin-1,
 *   binary data): detected and named, never echoed;
 * - a key that appears twice in a mapping (named, with the line of its first appearance);
 * - nesting deeper than {@link MAX_DEPTH} levels;
 * - aliases that expand the document beyond {@link MAX_NODES} values (a "billion laughs"), or
 *   an alias inside the value it names (a loop).
 */
import { readFileSync, statSync } from 'node:fs';
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Problem } from './errors.js';
import { formatPath, parsePath } from './zod-problems.js';

/** Largest input file read (bytes): the whole country written out inline is about 60 kB. */
export const MAX_YAML_BYTES = 10 * 1024 * 1024;
/** Deepest nesting of mappings and lists accepted (a scenario needs about 6). */
export const MAX_DEPTH = 64;
/** Most values (scalars, mappings, lists) a document may hold once its aliases are expanded. */
export const MAX_NODES = 100_000;
/** The YAML library's own guard on alias expansion, a second one behind {@link MAX_NODES}. */
export const MAX_ALIASES = MAX_NODES;

/** What to do about the YAML mistakes people make most. */
const YAML_HINTS: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'text that contains ": " must be put in quotes',
  MULTILINE_IMPLICIT_KEY: 'check the indentation, and put text that contains ": " in quotes',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
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

// ------------------------------------------------------------------------------------------
// Bytes to text

/** Offset of the first byte that is not part of valid UTF-8, or -1. */
export function invalidUtf8At(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let len: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [len, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [len, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [len, min] = [4, 0x10000];
    else return i;
    if (i + len > n) return i;
    let cp = b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += len;
  }
  return -1;
}

/** Line and column (1-based) of a byte offset, counting the bytes before it that are valid text. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

const UTF8_HINT = 'UTF-8 text (save the file as UTF-8 in your editor)';

/**
 * The text of a YAML file's bytes, or the problem with them: too large, UTF-16 or UTF-32, binary,
 * or not valid UTF-8. A UTF-8 byte-order mark is accepted and dropped.
 */
export function decodeYamlBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problems: Problem[] } {
  const fail = (path: string, expected: string, found: string): { ok: false; problems: Problem[] } => ({ ok: false, problems: [{ path, expected, found }] });
  if (bytes.length > MAX_YAML_BYTES) {
    return fail('(file)', `a YAML file of at most ${MAX_YAML_BYTES / (1024 * 1024)} MB`, `a file of ${(bytes.length / (1024 * 1024)).toFixed(1)} MB`);
  }
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return fail('(file)', UTF8_HINT, 'text in UTF-32 (big-endian, with a byte-order mark)');
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return fail('(file)', UTF8_HINT, 'text in UTF-32 (little-endian, with a byte-order mark)');
  if (b0 === 0xfe && b1 === 0xff) return fail('(file)', UTF8_HINT, 'text in UTF-16 (big-endian, with a byte-order mark)');
  if (b0 === 0xff && b1 === 0xfe) return fail('(file)', UTF8_HINT, 'text in UTF-16 (little-endian, with a byte-order mark)');
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // Text in UTF-16 without a byte-order mark: every other byte of ASCII text is zero.
    const head = bytes.subarray(0, Math.min(bytes.length, 64));
    let evenZeros = 0;
    let oddZeros = 0;
    head.forEach((b, i) => {
      if (b === 0) {
        if (i % 2 === 0) evenZeros++;
        else oddZeros++;
      }
    });
    const half = head.length / 2;
    if (oddZeros >= half * 0.8 && evenZeros === 0) return fail('(file)', UTF8_HINT, 'text in UTF-16 (little-endian, without a byte-order mark)');
    if (evenZeros >= half * 0.8 && oddZeros === 0) return fail('(file)', UTF8_HINT, 'text in UTF-16 (big-endian, without a byte-order mark)');
    const pos = bytePosition(bytes, nul);
    return fail(`line ${pos.line}, column ${pos.col}`, 'a text file (YAML)', 'binary data (a NUL byte), not text');
  }
  const bad = invalidUtf8At(bytes);
  if (bad >= 0) {
    const pos = bytePosition(bytes, bad);
    const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    return fail(`line ${pos.line}, column ${pos.col}`, UTF8_HINT, `a byte 0x${byte} that is not UTF-8 (the file may be in Latin-1 or Windows-1252, or binary)`);
  }
  const start = b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? 3 : 0;
  // TextDecoder, not Buffer: the playground page decodes files with this same function in the browser.
  return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(start)) };
}

// ------------------------------------------------------------------------------------------
// Quotes and lines

/** A short quote of a line of the text, safe to print: `"name: x"` (at most 40 characters). */
export function quoteLine(text: string, line: number): string {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return '""';
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  const raw = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '').trim();
  return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}...` : raw);
}

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

// ------------------------------------------------------------------------------------------
// Structure checks: depth, duplicate keys, expanded size

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  if (isNode(key)) return String(key.toJSON());
  return String(key);
}

interface Walked {
  problems: Problem[];
}

/**
 * Walks the document without recursion: the deepest nesting (problem past MAX_DEPTH), keys that
 * appear twice in a mapping, and, when the depth is fine, the number of values after expanding
 * aliases (problem past MAX_NODES).
 */
function checkStructure(doc: Document, lines: LineCounter, text: string): Walked {
  const problems: Problem[] = [];
  const lineAt = (node: unknown): number | undefined => (isNode(node) && node.range ? lines.linePos(node.range[0]).line : undefined);
  const at = (path: (string | number)[], line: number | undefined): string => {
    const shown = formatPath(path) || '(top level)';
    return line === undefined ? shown : `${shown} (line ${line})`;
  };
  const root = doc.contents;
  if (!root) return { problems };
  const stack: { node: unknown; depth: number; path: (string | number)[] }[] = [{ node: root, depth: 1, path: [] }];
  let tooDeep = false;
  let duplicates = 0;
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_DEPTH) {
      const line = lineAt(node);
      const shown = path.length > 8 ? `${formatPath(path.slice(0, 8))}...${line !== undefined ? ` (line ${line})` : ''}` : at(path, line);
      problems.push({ path: shown, expected: `mappings and lists nested at most ${MAX_DEPTH} levels deep`, found: `deeper nesting${line !== undefined ? ` at ${quoteLine(text, line)}` : ''}` });
      tooDeep = true;
      break;
    }
    if (isMap(node)) {
      const seen = new Map<string, number | undefined>();
      for (const pair of node.items) {
        const k = keyText(pair.key);
        const line = lineAt(pair.key);
        if (seen.has(k)) {
          duplicates += 1;
          if (duplicates <= 20) {
            const first = seen.get(k);
            problems.push({
              path: at([...path, k], line),
              expected: 'each key once in a mapping',
              found: `the key ${JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}...` : k)} a second time${first !== undefined ? ` (first at line ${first})` : ''}${line !== undefined ? ` in ${quoteLine(text, line)}` : ''}`,
            });
          }
        } else seen.set(k, line);
        if (pair.value) stack.push({ node: pair.value, depth: depth + 1, path: [...path, k] });
      }
    } else {
      node.items.forEach((item, i) => stack.push({ node: item, depth: depth + 1, path: [...path, i] }));
    }
  }
  if (duplicates > 20) problems.push({ path: '...', expected: 'each key once in a mapping', found: `${duplicates - 20} more keys that appear twice` });
  if (tooDeep) return { problems };

  // Values after expanding aliases; the depth is bounded now, so recursion is safe.
  const sizes = new Map<unknown, number>();
  const IN_PROGRESS = -1;
  let aliasProblem = false;
  const size = (node: unknown): number => {
    if (node === null || node === undefined) return 1;
    const known = sizes.get(node);
    if (known === IN_PROGRESS) return MAX_NODES + 1;
    if (known !== undefined) return known;
    sizes.set(node, IN_PROGRESS);
    let s = 1;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      const loop = target !== undefined && sizes.get(target) === IN_PROGRESS;
      s = target ? size(target) : 1;
      if (loop && !aliasProblem) {
        aliasProblem = true;
        const line = lineAt(node);
        problems.push({
          path: line === undefined ? '(aliases)' : `line ${line}`,
          expected: 'aliases (*name) that refer to a value outside themselves',
          found: `an alias *${node.source} inside the value it names (a loop)${line !== undefined ? ` at ${quoteLine(text, line)}` : ''}`,
        });
      } else if (s > MAX_NODES && !aliasProblem) {
        aliasProblem = true;
        const line = lineAt(node);
        problems.push({
          path: line === undefined ? '(aliases)' : `line ${line}`,
          expected: `a document of at most ${MAX_NODES} values once its aliases (*name) are expanded`,
          found: `an alias *${node.source} that expands it beyond that${line !== undefined ? ` at ${quoteLine(text, line)}` : ''}`,
        });
      }
    } else if (isMap(node)) {
      for (const pair of node.items) {
        s += size(pair.key) + size(pair.value);
        if (s > MAX_NODES) break;
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        s += size(item);
        if (s > MAX_NODES) break;
      }
    }
    s = Math.min(s, MAX_NODES + 1);
    sizes.set(node, s);
    return s;
  };
  const total = size(root);
  if (total > MAX_NODES && !aliasProblem) {
    // Name the alias that adds most: the one to remove or to stop repeating.
    let worst: { node: YamlNode; size: number } | undefined;
    for (const [node, s] of sizes) if (isAlias(node) && (!worst || s > worst.size)) worst = { node, size: s };
    const line = worst ? lineAt(worst.node) : undefined;
    problems.push({
      path: line === undefined ? '(file)' : `line ${line}`,
      expected: `a document of at most ${MAX_NODES} values once its aliases (*name) are expanded`,
      found: worst && isAlias(worst.node) ? `more, through aliases such as *${worst.node.source}${line !== undefined ? ` at ${quoteLine(text, line)}` : ''}` : 'more',
    });
  }
  return { problems };
}

// ------------------------------------------------------------------------------------------
// Parsing

/**
 * Parses a YAML document; problems come back as a list ("line 3, column 5: ..." with a quote of
 * the line) instead of exceptions.
 */
export function parseYaml(text: string): YamlResult {
  const lines = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  } catch (err) {
    return { ok: false, problems: [{ path: '(file)', expected: 'valid YAML', found: `text the YAML parser cannot read (${(err as Error).message})` }] };
  }
  if (doc.errors.length > 0) {
    let deep = false;
    const problems: Problem[] = [];
    for (const e of doc.errors) {
      const pos = lines.linePos(e.pos[0]);
      const quote = quoteLine(text, pos.line);
      if (/call stack/i.test(e.message)) {
        if (deep) continue;
        deep = true;
        problems.push({ path: `line ${pos.line}`, expected: `mappings and lists nested at most ${MAX_DEPTH} levels deep`, found: `deeper nesting at ${quote}` });
        continue;
      }
      const hint = YAML_HINTS[e.code];
      const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
      problems.push({ path: `line ${pos.line}, column ${pos.col}`, expected: 'valid YAML', found: `a syntax error: ${message}${hint ? ` (${hint})` : ''}${quote === '""' ? '' : ` in ${quote}`}` });
      if (problems.length >= 20) break;
    }
    return { ok: false, problems };
  }
  const structure = checkStructure(doc, lines, text);
  if (structure.problems.length > 0) return { ok: false, problems: structure.problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    const aliases = err instanceof ReferenceError && /alias/i.test(err.message);
    return {
      ok: false,
      problems: [
        aliases
          ? { path: '(aliases)', expected: `a document with at most ${MAX_ALIASES} alias expansions (*name)`, found: 'more (a document that expands without bound)' }
          : { path: '(file)', expected: 'valid YAML', found: `a document that cannot be read (${(err as Error).message})` },
      ],
    };
  }
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

/** Checks the bytes of a YAML file (size, encoding), then parses it ({@link parseYaml}). */
export function parseYamlBytes(bytes: Uint8Array): YamlResult {
  const decoded = decodeYamlBytes(bytes);
  if (!decoded.ok) return decoded;
  return parseYaml(decoded.text);
}

/**
 * The bytes of an input file, or what is wrong with it as `found` text: missing, a directory, a
 * device, pipe or socket (never read: /dev/zero would never end), too large, or unreadable.
 */
export function readYamlFile(path: string): { ok: true; bytes: Buffer } | { ok: false; found: string } {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { ok: false, found: 'a directory' };
    if (!st.isFile()) return { ok: false, found: 'a device, pipe or socket, not a regular file' };
    if (st.size > MAX_YAML_BYTES) return { ok: false, found: `a file of ${(st.size / (1024 * 1024)).toFixed(1)} MB (at most ${MAX_YAML_BYTES / (1024 * 1024)} MB)` };
    const bytes = readFileSync(path);
    if (bytes.length > MAX_YAML_BYTES) return { ok: false, found: `a file of more than ${MAX_YAML_BYTES / (1024 * 1024)} MB` };
    return { ok: true, bytes };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const found =
      code === 'ENOENT' ? 'no such file'
      : code === 'EACCES' || code === 'EPERM' ? 'a file that cannot be read (permission denied)'
      : code === 'ENOTDIR' ? 'a path through a file, not a directory'
      : `a file that cannot be read (${code ?? (err as Error).message})`;
    return { ok: false, found };
  }
}
