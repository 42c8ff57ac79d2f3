/**
 * Errors in what the user gave us (a scenario file, a command-line option), as opposed to bugs.
 *
 * A UserError carries every problem found, each as path / expected / found, so the user can fix
 * them all in one go. The CLI prints {@link formatUserError} to stderr and exits with code 2,
 * without a stack trace; any other exception is a bug (stack trace, exit code 1).
 */
import type { Problem } from '../core/problems.js';

export { closest, describeValue, type Problem } from '../core/problems.js';

export class UserError extends Error {
  override readonly name = 'UserError';
  /** The file (or `the command line`) the problems are in. */
  readonly file: string;
  readonly problems: readonly Problem[];

  constructor(file: string, problems: readonly Problem[]) {
    super(formatProblems(file, problems));
    this.file = file;
    this.problems = problems;
  }
}

export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError;
}

/**
 * The message shown to the user:
 *
 *     regiosim: 2 problems in scenarios/x.yaml:
 *       - start: expected a date written YYYY-MM (for example 2015-01), found "2015-13"
 *       - arrangements[0].kind: expected one of wgr-plus, gr, ..., found "wgrplus"
 */
export function formatProblems(file: string, problems: readonly Problem[]): string {
  const n = problems.length;
  const lines = [`regiosim: ${n} problem${n === 1 ? '' : 's'} in ${file}:`];
  for (const p of problems.slice(0, MAX_LISTED)) lines.push(`  - ${p.path || '(top level)'}: expected ${p.expected}, found ${p.found}`);
  if (n > MAX_LISTED) lines.push(`  - ... and ${n - MAX_LISTED} more (fix these first)`);
  return lines.join('\n');
}

/** Problems listed in a message; a file with thousands of mistakes does not flood the terminal. */
export const MAX_LISTED = 100;

export function formatUserError(err: UserError): string {
  return formatProblems(err.file, err.problems);
}

