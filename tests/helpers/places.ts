/**
 * Hostile places to write to, for the tests of output locations and leftovers: a read-only
 * directory (a read-only tmpfs as root, where permissions do not stop root; a directory without
 * write permission otherwise) and the pid of a process that has ended.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The pid of a process that has just ended (not reused so soon). */
export function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

export interface ReadOnlyDir {
  dir: string;
  /** How it was made read-only: a read-only mount (EROFS) or permissions (EACCES). */
  how: 'mount' | 'permissions';
  cleanup(): void;
}

/**
 * A directory holding a copy of `from` (when given) that this process cannot write, or null
 * where none can be made (root without the right to mount).
 */
export function readOnlyDir(from?: string): ReadOnlyDir | null {
  const dir = mkdtempSync(join(tmpdir(), 'regiosim-readonly-'));
  if (!isRoot()) {
    if (from) cpSync(from, dir, { recursive: true });
    chmodSync(dir, 0o555);
    return {
      dir,
      how: 'permissions',
      cleanup: () => {
        chmodSync(dir, 0o755);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', dir]);
  if (mount.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  if (from) cpSync(from, dir, { recursive: true });
  const ro = spawnSync('mount', ['-o', 'remount,ro', dir]);
  if (ro.status !== 0) {
    spawnSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    how: 'mount',
    cleanup: () => {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A small tmpfs (as root with the right to mount) to fill up, or null. */
export function smallDisk(bytes: number): { dir: string; cleanup(): void } | null {
  if (!isRoot()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'regiosim-full-'));
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir]);
  if (mount.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    cleanup: () => {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
