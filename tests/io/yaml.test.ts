/**
 * The one YAML loader against hostile files: every hazard is a problem of the file (with its
 * line and a short quote where there is one), never an exception, a hang or the file echoed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExperiment } from '../../src/batch/experiment.js';
import { UserError } from '../../src/io/errors.js';
import { loadScenario } from '../../src/io/scenario.js';
import { decodeYamlBytes, invalidUtf8At, MAX_DEPTH, MAX_NODES, parseYaml, parseYamlBytes, quoteLine, readYamlFile } from '../../src/io/yaml.js';
import { removeDir, tempDir } from '../cli/helpers.js';

const problemsOf = (text: string | Uint8Array): { path: string; expected: string; found: string }[] => {
  const r = typeof text === 'string' ? parseYaml(text) : parseYamlBytes(text);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

/** A "billion laughs": ten aliases per level, `levels` levels. */
function aliasBomb(levels: number): string {
  const lines = ['name: bomb', 'l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let k = 1; k <= levels; k++) lines.push(`l${k}: &l${k} [${Array.from({ length: 10 }, () => `*l${k - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n';
}

describe('encodings', () => {
  const utf16le = (s: string): Buffer => Buffer.from(s, 'utf16le');
  const text = 'name: x\nstart: 2015-01\n';

  it('names UTF-16 and UTF-32, with or without a byte-order mark, and never echoes the text', () => {
    const cases: [Uint8Array, RegExp][] = [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(text)]), /UTF-16 \(little-endian, with a byte-order mark\)/],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), utf16le(text).swap16()]), /UTF-16 \(big-endian, with a byte-order mark\)/],
      [utf16le(text), /UTF-16 \(little-endian, without a byte-order mark\)/],
      [Buffer.from(utf16le(text)).swap16(), /UTF-16 \(big-endian, without a byte-order mark\)/],
      [Buffer.from([0xff, 0xfe, 0, 0, 0x6e, 0, 0, 0]), /UTF-32 \(little-endian/],
      [Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x6e]), /UTF-32 \(big-endian/],
    ];
    for (const [bytes, found] of cases) {
      const p = problemsOf(bytes);
      expect(p).toHaveLength(1);
      expect(p[0]!.path).toBe('(file)');
      expect(p[0]!.expected).toMatch(/^UTF-8 text \(save the file as UTF-8/);
      expect(p[0]!.found).toMatch(found);
      expect(p[0]!.found).not.toMatch(/name|start|\\u0000/);
    }
  });

  it('names binary data and Latin-1 bytes with their line and column', () => {
    expect(problemsOf(Buffer.from('name: x\nab\0cd\n'))).toEqual([{ path: 'line 2, column 3', expected: 'a text file (YAML)', found: 'binary data (a NUL byte), not text' }]);
    const latin1 = problemsOf(Buffer.from('name: x\ntitle: Caf\xe9\n', 'latin1'));
    expect(latin1).toEqual([{ path: 'line 2, column 11', expected: 'UTF-8 text (save the file as UTF-8 in your editor)', found: 'a byte 0xE9 that is not UTF-8 (the file may be in Latin-1 or Windows-1252, or binary)' }]);
  });

  it('accepts UTF-8 with and without a byte-order mark', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('name: Café\n')]);
    const r = parseYamlBytes(withBom);
    expect(r.ok && r.doc.data).toEqual({ name: 'Café' });
    expect(decodeYamlBytes(Buffer.from('a: 😀\n'))).toEqual({ ok: true, text: 'a: 😀\n' });
  });

  it('validates UTF-8 exactly (overlong forms, surrogates, truncated sequences)', () => {
    expect(invalidUtf8At(Buffer.from('abc é 😀'))).toBe(-1);
    expect(invalidUtf8At(Uint8Array.from([0x61, 0xc0, 0xaf]))).toBe(1); // overlong "/"
    expect(invalidUtf8At(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
    expect(invalidUtf8At(Uint8Array.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2); // cut short
    expect(invalidUtf8At(Uint8Array.from([0xf5, 0x80, 0x80, 0x80]))).toBe(0); // beyond U+10FFFF
  });
});

describe('structure', () => {
  it('names a duplicate key with its path and both lines', () => {
    expect(problemsOf('name: x\nregion:\n  name: A\n  year: 2019\n  name: B\n')).toEqual([
      { path: 'region.name (line 5)', expected: 'each key once in a mapping', found: 'the key "name" a second time (first at line 3) in "name: B"' },
    ]);
    expect(problemsOf('a: [ {k: 1, k: 2} ]\n')[0]!.path).toBe('a[0].k (line 1)');
  });

  it('refuses an alias bomb, naming the alias and quoting its line, before expanding it', () => {
    const started = performance.now();
    const p = problemsOf(aliasBomb(9));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(p).toHaveLength(1);
    expect(p[0]!.path).toMatch(/^line \d+$/);
    expect(p[0]!.expected).toBe(`a document of at most ${MAX_NODES} values once its aliases (*name) are expanded`);
    expect(p[0]!.found).toMatch(/^more, through aliases such as \*l\d at "l\d: &l\d \[\*l\d, /);
    // A few aliases are fine.
    const small = parseYaml('base: &b {x: 1}\na: *b\nc: *b\n');
    expect(small.ok && small.doc.data).toEqual({ base: { x: 1 }, a: { x: 1 }, c: { x: 1 } });
  });

  it('refuses an alias inside the value it names', () => {
    expect(problemsOf('name: x\na: &a [1, *a]\n')).toEqual([
      { path: 'line 2', expected: 'aliases (*name) that refer to a value outside themselves', found: 'an alias *a inside the value it names (a loop) at "a: &a [1, *a]"' },
    ]);
  });

  it('refuses deep nesting in flow and block style, quoting the line, without a stack overflow', () => {
    const flow = problemsOf(`a: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
    expect(flow).toHaveLength(1);
    expect(flow[0]!.expected).toBe(`mappings and lists nested at most ${MAX_DEPTH} levels deep`);
    expect(flow[0]!.found).toMatch(/^deeper nesting at "a: \[\[\[/);
    expect(flow[0]!.found.length).toBeLessThan(80);
    const block = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    const b = problemsOf(block);
    expect(b).toHaveLength(1);
    expect(b[0]!.path).toBe('k0.k1.k2.k3.k4.k5.k6.k7... (line 65)');
    expect(b[0]!.found).toBe('deeper nesting at "k64:"');
    // Nesting up to the limit is accepted.
    expect(parseYaml(`a: ${'['.repeat(MAX_DEPTH - 1)}${']'.repeat(MAX_DEPTH - 1)}\n`).ok).toBe(true);
  });

  it('quotes the line of a syntax error, shortened', () => {
    expect(quoteLine('a\nb: "x\n', 2)).toBe('"b: \\"x"');
    expect(quoteLine(`k: ${'x'.repeat(100)}\n`, 1)).toBe(`"k: ${'x'.repeat(37)}..."`);
    const p = problemsOf('name: x\ndescription: a: b\n');
    expect(p[0]!.found).toMatch(/ in "description: a: b"$/);
  });
});

describe('files', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('yaml');
  });
  afterAll(() => removeDir(dir));

  it('refuses devices, directories and oversized files without reading them', () => {
    expect(readYamlFile('/dev/zero')).toEqual({ ok: false, found: 'a device, pipe or socket, not a regular file' });
    mkdirSync(join(dir, 'd'));
    expect(readYamlFile(join(dir, 'd'))).toEqual({ ok: false, found: 'a directory' });
    expect(readYamlFile(join(dir, 'missing.yaml'))).toEqual({ ok: false, found: 'no such file' });
    const big = join(dir, 'big.yaml');
    writeFileSync(big, Buffer.alloc(11 * 1024 * 1024, 0x20));
    expect(readYamlFile(big)).toEqual({ ok: false, found: 'a file of 11.0 MB (at most 10 MB)' });
  });

  it('reports the hazards as problems of a scenario or experiment file (a UserError naming the file)', () => {
    const cases: [string, string | Buffer, RegExp][] = [
      ['bomb.yaml', aliasBomb(9), /expanded/],
      ['dup.yaml', 'name: x\nname: y\n', /the key "name" a second time/],
      ['utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name: x\n', 'utf16le')]), /UTF-16/],
      ['deep.yaml', `a: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`, /nested at most/],
    ];
    for (const [name, content, message] of cases) {
      const file = join(dir, name);
      writeFileSync(file, content);
      for (const load of [() => loadScenario(file), () => loadExperiment(file, dir)]) {
        let caught: unknown;
        try {
          load();
        } catch (err) {
          caught = err;
        }
        expect(caught).toBeInstanceOf(UserError);
        expect((caught as UserError).file).toBe(file);
        expect((caught as UserError).message).toMatch(message);
      }
    }
  });
});
