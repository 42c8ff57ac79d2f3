import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvField, formatNumber, toCsv, toJson, toJsonLine } from '../../src/formats/text.js';
import { OutputDirError, writeDirAtomically, writeFileAtomically } from '../../src/io/write.js';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [1, '1'],
    [0.1 + 0.2, '0.3'],
    [1 / 3, '0.3333333333'],
    [2 / 3, '0.6666666667'],
    [123456789012, '123456789000'],
    [1e-7, '1e-7'],
    [1.23456789012345e-12, '1.23456789e-12'],
    [-2.5, '-2.5'],
    [1e21, '1e+21'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [null, ''],
    [undefined, ''],
  ])('%s -> %s', (x, s) => {
    expect(formatNumber(x)).toBe(s);
  });

  it('hides differences below 10 significant digits', () => {
    expect(formatNumber(0.7 + 1e-15)).toBe(formatNumber(0.7));
    expect(formatNumber(1234.5678901234)).toBe('1234.56789');
  });
});

describe('CSV', () => {
  it('quotes fields per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField("'s-Gravenhage")).toBe("'s-Gravenhage");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvField(1 / 3)).toBe('0.3333333333');
  });

  it('writes a header, one line per row and \\n line ends', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y'], [null, Number.NaN]])).toBe('a,b\n1,"x,y"\n,NaN\n');
    expect(toCsv(['a'], [])).toBe('a\n');
  });

  it('refuses a row of the wrong width', () => {
    expect(() => toCsv(['a', 'b'], [[1]])).toThrow(/1 cells, header has 2/);
  });
});

describe('JSON', () => {
  it('rounds numbers, writes NaN as null, indents and ends with a newline', () => {
    expect(toJson({ a: 1 / 3, b: Number.NaN, c: [2 / 3], d: 'x' })).toBe('{\n  "a": 0.3333333333,\n  "b": null,\n  "c": [\n    0.6666666667\n  ],\n  "d": "x"\n}\n');
    expect(toJsonLine({ a: 0.1 + 0.2, b: [1] })).toBe('{"a":0.3,"b":[1]}\n');
  });
});

describe('atomic writing', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'regiosim-write-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a file through a temporary name, creating its directory', () => {
    const file = join(dir, 'sub', 'x.txt');
    writeFileAtomically(file, 'one');
    writeFileAtomically(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['x.txt']);
  });

  it('fills a directory under a temporary sibling and renames it into place', async () => {
    const final = join(dir, 'out', 'seed-1');
    let seen = '';
    await writeDirAtomically(final, (tmp) => {
      seen = tmp;
      expect(tmp).toMatch(/seed-1\.tmp-\d+-\d+$/);
      expect(existsSync(final)).toBe(false);
      writeFileSync(join(tmp, 'manifest.json'), '{"regiosim_version":"0"}');
    });
    expect(existsSync(seen)).toBe(false);
    expect(readdirSync(join(dir, 'out'))).toEqual(['seed-1']);
    expect(readdirSync(final)).toEqual(['manifest.json']);
  });

  it('replaces a previous result only when the new one is complete', async () => {
    const final = join(dir, 'seed-1');
    await writeDirAtomically(final, (tmp) => {
      writeFileSync(join(tmp, 'manifest.json'), '{"regiosim_version":"0"}');
      writeFileSync(join(tmp, 'old.csv'), 'old');
    });
    await expect(
      writeDirAtomically(final, (tmp) => {
        writeFileSync(join(tmp, 'half.csv'), 'half');
        throw new Error('model crashed');
      }),
    ).rejects.toThrow('model crashed');
    expect(readdirSync(final).sort()).toEqual(['manifest.json', 'old.csv']);
    expect(readdirSync(dir)).toEqual(['seed-1']);

    await writeDirAtomically(final, (tmp) => {
      writeFileSync(join(tmp, 'manifest.json'), '{"regiosim_version":"1"}');
    });
    expect(readdirSync(final)).toEqual(['manifest.json']);
    expect(readFileSync(join(final, 'manifest.json'), 'utf8')).toContain('"1"');
    expect(readdirSync(dir)).toEqual(['seed-1']);
  });

  it('replaces an empty directory', async () => {
    const final = join(dir, 'empty');
    mkdirSync(final);
    await writeDirAtomically(final, (tmp) => writeFileSync(join(tmp, 'a'), 'a'));
    expect(readdirSync(final)).toEqual(['a']);
  });

  it('never replaces a directory that is not a regiosim result, and writes nothing', async () => {
    const final = join(dir, 'home');
    mkdirSync(final);
    writeFileSync(join(final, 'thesis.docx'), 'years of work');
    let called = false;
    const attempt = writeDirAtomically(final, () => {
      called = true;
    });
    await expect(attempt).rejects.toBeInstanceOf(OutputDirError);
    await expect(writeDirAtomically(final, () => undefined)).rejects.toThrow(/thesis\.docx/);
    expect(called).toBe(false);
    expect(readdirSync(dir)).toEqual(['home']);
    expect(readFileSync(join(final, 'thesis.docx'), 'utf8')).toBe('years of work');
  });

  it('refuses a file in the way', async () => {
    const final = join(dir, 'file');
    writeFileSync(final, 'x');
    await expect(writeDirAtomically(final, () => undefined)).rejects.toThrow(/a file, not a directory/);
  });
});
