import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvField, formatNumber, toCsv, toJson, toJsonLine } from '../../src/formats/text.js';
import { OutputDirError, outputProblem, releaseTemp, removeStaleTemps, siblingTemp, WriteError, writeDirAtomically, writeFileAtomically, type OutputCheck } from '../../src/io/write.js';
import { deadPid, readOnlyDir, smallDisk } from '../helpers/places.js';

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

describe('output locations, checked before any work', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'regiosim-where-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const found = (path: string, check: OutputCheck): string | undefined => outputProblem(path, '--out', check)?.found;

  it('accepts a new directory (at any depth), an existing one, a new file and a file to replace', () => {
    writeFileSync(join(dir, 'old.json'), '{}');
    expect(found(join(dir, 'a', 'b', 'c'), { kind: 'dir', siblings: true })).toBeUndefined();
    expect(found(dir, { kind: 'dir' })).toBeUndefined();
    expect(found(join(dir, 'new.json'), { kind: 'file' })).toBeUndefined();
    expect(found(join(dir, 'old.json'), { kind: 'file' })).toBeUndefined();
    expect(found('/dev/shm/regiosim-test-never-made', { kind: 'dir' })).toBeUndefined();
  });

  it('refuses special file systems: /proc, /sys and devices', () => {
    expect(found('/proc/regiosim', { kind: 'dir' })).toBe("/proc/regiosim: a special file system (/proc) where regiosim's files cannot be kept");
    expect(found('/proc/self/x/y', { kind: 'dir' })).toMatch(/special file system \(\/proc\)/);
    expect(found('/sys/kernel/x', { kind: 'dir' })).toMatch(/special file system \(\/sys\)/);
    expect(found('/dev/null', { kind: 'file' })).toMatch(/special file system \(\/dev\)/);
    expect(found('/dev/full', { kind: 'file' })).toMatch(/special file system \(\/dev\)/);
  });

  it('refuses a file where a directory is meant, a directory where a file is meant, and a path through a file', () => {
    writeFileSync(join(dir, 'f'), 'x');
    expect(found(join(dir, 'f'), { kind: 'dir' })).toBe(`${join(dir, 'f')}: an existing file, not a directory`);
    expect(found(dir, { kind: 'file' })).toBe(`${dir}: a directory, not a file`);
    expect(found(join(dir, 'f', 'sub', 'x'), { kind: 'dir' })).toBe(`${join(dir, 'f', 'sub', 'x')}: a path through ${join(dir, 'f')}, which is a file`);
    expect(outputProblem('', '--out', { kind: 'dir' }, '')?.found).toBe(': an empty path');
  });

  it('refuses a place that may not be written', () => {
    const ro = readOnlyDir();
    if (!ro) return; // root without the right to mount: nothing is read-only to it
    try {
      const f = found(join(ro.dir, 'out'), { kind: 'dir' });
      expect(f).toBe(ro.how === 'mount' ? `${join(ro.dir, 'out')}: ${ro.dir} is on a read-only file system` : `${join(ro.dir, 'out')}: ${ro.dir} may not be written (permission denied)`);
      expect(found(ro.dir, { kind: 'dir' })).toMatch(/read-only file system|permission denied/);
    } finally {
      ro.cleanup();
    }
  });

  it('names the option and the place as the user gave it', () => {
    expect(outputProblem('/proc/x', '--resume', { kind: 'dir' }, 'x')).toEqual({ path: '--resume', expected: 'a directory regiosim can create and write', found: "x: a special file system (/proc) where regiosim's files cannot be kept" });
  });
});

describe('leftovers of killed processes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'regiosim-left-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('removes the temporaries of a process that is gone, and keeps those of live ones and other files', () => {
    const dead = deadPid();
    mkdirSync(join(dir, `seed-1.tmp-${dead}-3`));
    writeFileSync(join(dir, `seed-1.tmp-${dead}-3`, 'trust.csv'), 'half');
    mkdirSync(join(dir, `seed-1.old-${dead}-4`));
    writeFileSync(join(dir, `runs.csv.tmp-${dead}`), '');
    writeFileSync(join(dir, `summary.csv.tmp-${dead}-9`), 'half');
    writeFileSync(join(dir, `x.tmp-${process.ppid}-1`), 'a live process is writing this');
    writeFileSync(join(dir, 'notes.tmp'), 'mine');
    expect(removeStaleTemps(dir, 'summary.csv')).toEqual([`summary.csv.tmp-${dead}-9`]);
    expect(removeStaleTemps(dir).sort()).toEqual([`runs.csv.tmp-${dead}`, `seed-1.old-${dead}-4`, `seed-1.tmp-${dead}-3`].sort());
    expect(readdirSync(dir).sort()).toEqual(['notes.tmp', `x.tmp-${process.ppid}-1`]);
  });

  it("treats this process's own pid as stale unless the name is in use (pids come back after a restart)", () => {
    const mine = siblingTemp(join(dir, 'a.csv'));
    writeFileSync(mine, 'in use');
    writeFileSync(join(dir, `b.csv.tmp-${process.pid}-999999`), 'left by an earlier process with this pid');
    expect(removeStaleTemps(dir)).toEqual([`b.csv.tmp-${process.pid}-999999`]);
    releaseTemp(mine);
    expect(removeStaleTemps(dir)).toEqual([basename(mine)]);
  });

  it('a later write of the same file or directory removes what a killed writer of it left', async () => {
    const dead = deadPid();
    mkdirSync(join(dir, `seed-1.tmp-${dead}-1`));
    writeFileSync(join(dir, `report.html.tmp-${dead}-2`), '<half');
    await writeDirAtomically(join(dir, 'seed-1'), (tmp) => writeFileSync(join(tmp, 'manifest.json'), '{"regiosim_version":"0"}'));
    writeFileAtomically(join(dir, 'report.html'), '<html>');
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'seed-1']);
  });
});

describe('writes that fail part of the way', () => {
  it('end in a WriteError naming the place and the reason, with nothing half-written left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'regiosim-fail-'));
    try {
      const final = join(dir, 'seed-1');
      await writeDirAtomically(final, (tmp) => writeFileSync(join(tmp, 'manifest.json'), '{"regiosim_version":"0"}'));
      const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
      const attempt = writeDirAtomically(final, (tmp) => {
        writeFileSync(join(tmp, 'timeseries.csv'), 'half');
        throw full;
      });
      await expect(attempt).rejects.toBeInstanceOf(WriteError);
      await expect(writeDirAtomically(final, () => { throw full; })).rejects.toThrow(`could not write ${final}: no space left on the device (ENOSPC)`);
      expect(readdirSync(dir)).toEqual(['seed-1']);
      expect(readdirSync(final)).toEqual(['manifest.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on a disk that is really full, a file keeps its old content and no temporary stays', () => {
    const disk = smallDisk(64 * 1024);
    if (!disk) return; // not root, or no right to mount
    try {
      const file = join(disk.dir, 'summary.csv');
      writeFileAtomically(file, 'old');
      expect(() => writeFileAtomically(file, 'x'.repeat(200 * 1024))).toThrow(WriteError);
      expect(readFileSync(file, 'utf8')).toBe('old');
      expect(readdirSync(disk.dir)).toEqual(['summary.csv']);
    } finally {
      disk.cleanup();
    }
  });
});
