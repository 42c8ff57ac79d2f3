/**
 * Writing output files so that they are byte-stable, never half-written, and never written
 * where they cannot be kept.
 *
 * - Numbers go through {@link formatNumber}: rounded to 10 significant digits, then `String(x)`,
 *   so the last-bit differences of floating point across platforms do not show in the files.
 * - CSV per RFC 4180 (fields with a comma, quote or line break are quoted, quotes doubled), with
 *   `\n` line endings, a header row, empty cells for null and `NaN` for undefined statistics
 *   (docs/formats.md).
 * - Files are written to a temporary name and renamed into place; a directory of results is
 *   filled under a temporary sibling name and renamed into place only when complete (a run's
 *   folder gets only its own files replaced, {@link writeOwnFilesAtomically}). A write
 *   that fails removes its temporary and throws a {@link WriteError} (the CLI prints one line,
 *   exit 1); what a killed process left behind (`<name>.tmp-<pid>-<n>`, `<dir>.old-<pid>-<n>`)
 *   is removed by the next writer of the same place ({@link removeStaleTemps}).
 * - Output locations are checked before any work ({@link outputProblem}): a special file system
 *   (/proc, /sys, /dev), a file where a directory is meant, a path through a file, a read-only or
 *   forbidden place are refused as problems of the option that named them.
 */
import { createHash } from 'node:crypto';
import { accessSync, closeSync, constants, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statfsSync, statSync, writeFileSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { toCsv, toJson, type CsvCell } from '../formats/text.js';
import type { Problem } from './errors.js';

// ------------------------------------------------------------------------------------------
// Temporary names

let counter = 0;
/** Temporary names this process is using now (a dead process's names are leftovers). */
const inUse = new Set<string>();

/**
 * A name next to `path` that no other writer in this or another process uses:
 * `<path>.<tag>-<pid>-<n>`. It counts as in use until {@link releaseTemp}.
 */
export function siblingTemp(path: string, tag: 'tmp' | 'old' = 'tmp'): string {
  counter += 1;
  const name = `${path}.${tag}-${process.pid}-${counter}`;
  inUse.add(name);
  return name;
}

/** The temporary name is no longer in use (renamed into place or removed). */
export function releaseTemp(name: string): void {
  inUse.delete(name);
}

/** Whether `name` is one of our temporary siblings (for cleanup tools and tests). */
export function isTempName(name: string): boolean {
  return TEMP.test(basename(name));
}

/** `<name>.tmp-<pid>-<n>`, `<name>.old-<pid>-<n>`, and `<name>.tmp-<pid>` of older versions. */
const TEMP = /^(.+)\.(tmp|old)-(\d+)(?:-\d+)?$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what killed processes left in `dir`: temporary files and directories whose process is
 * gone (or that this process does not use: a pid can come back after a restart). With `of`,
 * only the temporaries of that name (`<of>.tmp-...`, `<of>.old-...`). Returns the names removed.
 */
export function removeStaleTemps(dir: string, of?: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const m = TEMP.exec(entry);
    if (!m || (of !== undefined && m[1] !== of)) continue;
    const path = join(dir, entry);
    const pid = Number(m[3]);
    const stale = pid === process.pid ? !inUse.has(path) : !alive(pid);
    if (!stale) continue;
    rmSync(path, { recursive: true, force: true });
    removed.push(entry);
  }
  return removed;
}

// ------------------------------------------------------------------------------------------
// Failures while writing

const FS_REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'a read-only file system',
  EIO: 'an input/output error of the device',
  ENOTDIR: 'a path through a file, not a directory',
  EISDIR: 'a directory where a file was to be written',
  EEXIST: 'something in the way',
  ENOENT: 'a directory that disappeared',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'a name too long for the file system',
  EXDEV: 'a rename across file systems',
};

/** What an error of the file system means, for people: `no space left on the device (ENOSPC)`. */
export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (!code) return err instanceof Error ? err.message : String(err);
  return `${FS_REASONS[code] ?? 'an error of the file system'} (${code})`;
}

/** Whether an error comes from the file system (it has an errno code), rather than a bug. */
export function isFsError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && typeof (err as NodeJS.ErrnoException).syscall === 'string';
}

/**
 * A write that failed part of the way (disk full, permissions changed, device gone). Nothing
 * half-written is left in place: the temporary is removed and the file or directory keeps what
 * it held before. The CLI prints its message as one line and exits with code 1.
 */
export class WriteError extends Error {
  override readonly name = 'WriteError';
  constructor(
    /** The file or directory that could not be written. */
    readonly path: string,
    override readonly cause: unknown,
  ) {
    super(`could not write ${path}: ${fsReason(cause)}`);
  }
}

/** Runs `f`; a file-system error becomes a WriteError about `path`. */
export function writing<T>(path: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof WriteError || !isFsError(err)) throw err;
    throw new WriteError(path, err);
  }
}

/** Writes a file under a temporary name and renames it into place (creating the directory). */
export function writeFileAtomically(path: string, content: string | Uint8Array): void {
  writing(path, () => mkdirSync(dirname(path), { recursive: true }));
  removeStaleTemps(dirname(path), basename(path));
  const tmp = siblingTemp(path, 'tmp');
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw isFsError(err) ? new WriteError(path, err) : err;
  } finally {
    releaseTemp(tmp);
  }
}

/**
 * A file written in pieces to a temporary name (`<file>.tmp-<pid>-<n>`) and renamed into place by
 * {@link finish}, which also gives the SHA-256 of its bytes. A failure of the file system becomes
 * a WriteError about the file; {@link abort} removes the temporary. The batch's CSV and Parquet
 * files are written through it.
 */
export class StreamedFile {
  private readonly fd: number;
  private readonly tmp: string;
  private closed = false;
  private readonly hash = createHash('sha256');
  /** SHA-256 (hex) of the file's bytes, once finished. */
  sha256 = '';
  constructor(readonly path: string) {
    this.tmp = siblingTemp(path, 'tmp');
    try {
      this.fd = writing(path, () => openSync(this.tmp, 'w'));
    } catch (err) {
      releaseTemp(this.tmp);
      throw err;
    }
  }
  get name(): string {
    return basename(this.path);
  }
  write(bytes: Uint8Array): void {
    this.hash.update(bytes);
    writing(this.path, () => {
      let off = 0;
      while (off < bytes.length) off += writeSync(this.fd, bytes, off, bytes.length - off);
    });
  }
  finish(): void {
    writing(this.path, () => {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.closed = true;
      renameSync(this.tmp, this.path);
    });
    releaseTemp(this.tmp);
    this.sha256 = this.hash.digest('hex');
  }
  abort(): void {
    if (!this.closed) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
    }
    rmSync(this.tmp, { force: true });
    releaseTemp(this.tmp);
  }
}

export function writeCsv(path: string, header: readonly string[], rows: Iterable<readonly CsvCell[]>): void {
  writeFileAtomically(path, toCsv(header, rows));
}

export function writeJson(path: string, value: unknown): void {
  writeFileAtomically(path, toJson(value));
}

/** Thrown when `finalDir` exists but is not something we may replace. */
export class OutputDirError extends Error {
  override readonly name = 'OutputDirError';
  constructor(
    readonly dir: string,
    readonly found: string,
  ) {
    super(`cannot write results to ${dir}: it is ${found}`);
  }
}

/**
 * What a directory we may replace looks like: empty, or holding a previous result (a
 * `manifest.json` naming regiosim). Anything else (`--out .` by mistake) is refused, so a typo
 * never deletes a user's files.
 */
function replaceable(dir: string): string | null {
  const st = statSync(dir);
  if (!st.isDirectory()) return 'a file, not a directory';
  const entries = readdirSync(dir);
  if (entries.length === 0) return null;
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) {
    try {
      const m = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
      if (typeof m === 'object' && m !== null && 'regiosim_version' in m) return null;
    } catch {
      // not our manifest
    }
  }
  return `a directory with other files (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', ...' : ''}) that is not a regiosim result`;
}

/**
 * Throws {@link OutputDirError} when `dir` exists and is neither empty nor a previous regiosim
 * result. Commands call it before a long computation, so a bad --out fails at once.
 */
export function assertReplaceable(dir: string): void {
  if (!existsSync(dir)) return;
  const why = replaceable(dir);
  if (why !== null) throw new OutputDirError(dir, why);
}

/**
 * Fills a directory atomically: `fill` writes into a fresh sibling `<finalDir>.tmp-<pid>-<n>`,
 * which is renamed to `finalDir` once `fill` has finished. An existing result in `finalDir` is
 * replaced only then; if `fill` throws, the temporary directory is removed and `finalDir` is
 * left as it was.
 *
 * Throws {@link OutputDirError} (before writing anything) when `finalDir` exists and is neither
 * empty nor a previous regiosim result.
 */
export async function writeDirAtomically(finalDir: string, fill: (dir: string) => void | Promise<void>): Promise<void> {
  await withFilledTemp(finalDir, fill, (tmp) => {
    if (existsSync(finalDir)) {
      const old = siblingTemp(finalDir, 'old');
      try {
        writing(finalDir, () => renameSync(finalDir, old));
        try {
          renameSync(tmp, finalDir);
        } catch (err) {
          renameSync(old, finalDir);
          rmSync(tmp, { recursive: true, force: true });
          throw isFsError(err) ? new WriteError(finalDir, err) : err;
        }
        rmSync(old, { recursive: true, force: true });
      } finally {
        releaseTemp(old);
      }
    } else {
      try {
        renameSync(tmp, finalDir);
      } catch (err) {
        rmSync(tmp, { recursive: true, force: true });
        throw isFsError(err) ? new WriteError(finalDir, err) : err;
      }
    }
  });
}

/**
 * The first half of both atomic directory writes: `finalDir` checked, what a killed writer left
 * beside it removed, a fresh sibling temp filled by `fill` (removed again if `fill` throws), then
 * `place` moves its contents into place; the temp is released either way.
 */
async function withFilledTemp(finalDir: string, fill: (dir: string) => void | Promise<void>, place: (tmp: string) => void): Promise<void> {
  assertReplaceable(finalDir);
  writing(finalDir, () => mkdirSync(dirname(finalDir), { recursive: true }));
  // What a killed writer of this directory left: its half-filled or displaced copies.
  removeStaleTemps(dirname(finalDir), basename(finalDir));
  const tmp = siblingTemp(finalDir, 'tmp');
  try {
    writing(finalDir, () => mkdirSync(tmp));
    try {
      await fill(tmp);
    } catch (err) {
      rmSync(tmp, { recursive: true, force: true });
      throw isFsError(err) ? new WriteError(finalDir, err) : err;
    }
    place(tmp);
  } finally {
    releaseTemp(tmp);
  }
}

/**
 * Writes regiosim's own files into `finalDir` and leaves everything else in it alone: a rerun of
 * a seed replaces the files of the previous run, never a user's notes, charts/ or report.
 *
 * `fill` writes the files into a fresh sibling `<finalDir>.tmp-<pid>-<n>`. A new `finalDir` is
 * that directory renamed into place (atomic, as {@link writeDirAtomically}). An existing one
 * gets the new files one by one, each by a rename (so no file is ever half-written), with
 * `last` (the manifest, which holds the checksums of the others) moved in last: a run killed in
 * between leaves the old manifest, whose checksums then refuse the mixed files, and a rerun
 * repairs it. `remove` names files of an earlier write that this one does not make; they are
 * deleted before the new files move in. If `fill` throws, nothing in `finalDir` changes.
 *
 * Throws {@link OutputDirError} (before writing anything) when `finalDir` exists and is neither
 * empty nor a previous regiosim result.
 */
export async function writeOwnFilesAtomically(finalDir: string, fill: (dir: string) => void | Promise<void>, options: { last?: string; remove?: readonly string[] } = {}): Promise<void> {
  await withFilledTemp(finalDir, fill, (tmp) => {
    try {
      if (!existsSync(finalDir)) {
        renameSync(tmp, finalDir);
        return;
      }
      const names = readdirSync(tmp).sort();
      const ordered = [...names.filter((n) => n !== options.last), ...names.filter((n) => n === options.last)];
      // Files of ours this write does not make go first (a rerun with fewer files: the old manifest refuses the mix until the new one is in).
      for (const gone of options.remove ?? []) rmSync(join(finalDir, gone), { force: true });
      for (const name of ordered) renameSync(join(tmp, name), join(finalDir, name));
      rmSync(tmp, { recursive: true, force: true });
    } catch (err) {
      rmSync(tmp, { recursive: true, force: true });
      throw isFsError(err) ? new WriteError(finalDir, err) : err;
    }
  });
}

// ------------------------------------------------------------------------------------------
// Output locations, checked before any work

/** Virtual file systems (statfs magic numbers) where no file can be kept. */
const SPECIAL_FS: Record<number, string> = {
  0x9fa0: 'proc', 0x62656572: 'sysfs', 0x1cd1: 'devpts', 0x27e0eb: 'cgroup', 0x63677270: 'cgroup2', 0x64626720: 'debugfs',
  0x74726163: 'tracefs', 0x73636673: 'securityfs', 0x6165676c: 'pstore', 0xcafe4a11: 'bpf', 0x62656570: 'configfs',
  0x65735543: 'fusectl', 0x19800202: 'mqueue', 0x42494e4d: 'binfmt_misc', 0xf97cff8c: 'selinuxfs', 0xde5e81e4: 'efivarfs',
};
/** Trees of the kernel's and the devices' files (/dev/shm is ordinary memory and allowed). */
const SPECIAL_TREES = ['/proc', '/sys', '/dev'];

function specialFileSystem(existing: string): string | null {
  let real = existing;
  try {
    real = realpathSync(existing);
  } catch {
    // keep the path as given
  }
  const tree = SPECIAL_TREES.find((t) => real === t || real.startsWith(`${t}/`));
  if (tree && !(real === '/dev/shm' || real.startsWith('/dev/shm/'))) return tree;
  try {
    const type = Number(statfsSync(real).type);
    const name = SPECIAL_FS[type >>> 0];
    if (name) return name;
  } catch {
    // statfs is not available everywhere
  }
  return null;
}

function accessProblem(dir: string): string | null {
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EROFS') return `${dir} is on a read-only file system`;
    if (code === 'EACCES' || code === 'EPERM') return `${dir} may not be written (permission denied)`;
    return `${dir} cannot be written (${code ?? 'unknown error'})`;
  }
}

export interface OutputCheck {
  /** A directory regiosim creates or writes into, or a file it creates or replaces. */
  kind: 'dir' | 'file';
  /** Temporary siblings are made next to it (a directory written atomically): its parent must be writable too. */
  siblings?: boolean;
}

/**
 * What is wrong with writing to `path`, before any work: null when regiosim can create or write
 * it, else the problem for the option (or argument) that named it, with `shown` as the place.
 */
export function outputProblem(path: string, option: string, check: OutputCheck, shown: string = path): Problem | null {
  const expected = check.kind === 'dir' ? 'a directory regiosim can create and write' : 'a file regiosim can create or replace';
  const problem = (found: string): Problem => ({ path: option, expected, found: `${shown}: ${found}` });
  if (path.trim() === '' || shown.trim() === '') return problem('an empty path');
  const abs = resolve(path);
  // The nearest part of the path that exists.
  let base = abs;
  let st: Stats | undefined;
  for (;;) {
    try {
      st = statSync(base);
      break;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        return problem(code === 'EACCES' ? 'a path that may not be looked into (permission denied)' : code === 'ELOOP' ? 'a loop of symbolic links' : `a path that cannot be looked up (${code ?? 'unknown error'})`);
      }
      const up = dirname(base);
      if (up === base) return problem('a path that cannot be looked up');
      base = up;
    }
  }
  const special = specialFileSystem(base);
  if (special) return problem(`a special file system (${special}) where regiosim's files cannot be kept`);
  if (base === abs) {
    if (check.kind === 'dir' && !st.isDirectory()) return problem(st.isFile() ? 'an existing file, not a directory' : 'a device, pipe or socket, not a directory');
    if (check.kind === 'file' && st.isDirectory()) return problem('a directory, not a file');
    if (check.kind === 'file' && !st.isFile()) return problem('a device, pipe or socket, not a regular file');
    const dirs = check.kind === 'dir' ? [abs, ...(check.siblings ? [dirname(abs)] : [])] : [dirname(abs)];
    for (const d of dirs) {
      const bad = accessProblem(d);
      if (bad) return problem(bad);
    }
    return null;
  }
  if (!st.isDirectory()) return problem(`a path through ${base}, which is a file`);
  const bad = accessProblem(base);
  return bad ? problem(bad) : null;
}
