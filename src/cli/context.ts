/**
 * What every command gets besides its arguments: where to write, the working directory and the
 * raw command line. Commands never touch process.stdout or process.cwd() directly, so tests can
 * run the CLI in-process and capture its output.
 */
import type { Argv } from 'yargs';
import type { Lang } from '../i18n/index.js';
import { UserError, type Problem } from '../io/errors.js';

export interface CliContext {
  /** Writes to standard output (text is written as given: end lines with \n). */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** Directory relative paths are resolved against (default output folders go here). */
  cwd: string;
  /** The arguments after `regiosim`, as typed (recorded in manifests). */
  argv: readonly string[];
  /** Language of what the command prints and writes for people (--lang; default en). */
  lang: Lang;
  /** Aborted when the user interrupts (Ctrl-C, SIGTERM): long work stops and says how to continue. */
  signal: AbortSignal;
  /** Problems with the options every command takes (--lang), to report with the command's own. */
  problems: Problem[];
}

/**
 * One `regiosim` command. `handler` returns the exit code (0 when it returns nothing); a
 * UserError thrown from it becomes exit code 2 with the problems on stderr.
 *
 * Arguments are typed loosely (yargs's inferred types do not survive being put in a list);
 * each handler reads them through its own small interface.
 */
export interface CliCommand {
  /** yargs command string, e.g. `run <scenario>`. */
  command: string;
  describe: string;
  builder?: (y: Argv) => Argv;
  handler: (args: Record<string, unknown>, ctx: CliContext) => Promise<number | void> | number | void;
  /** The handler reports ctx.problems together with its own; otherwise they are reported before it runs. */
  collectsProblems?: boolean;
}

/** The problems of the common options followed by a command's own, as one UserError (or nothing). */
export function failOn(ctx: CliContext, own: readonly Problem[]): void {
  const all = [...ctx.problems, ...own];
  if (all.length > 0) throw new UserError('the command line', all);
}

/** Shell-quoted command line, for manifests: `regiosim run my\ scenario.yaml --seed 3`. */
export function commandLine(argv: readonly string[]): string {
  const quote = (a: string): string => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return ['regiosim', ...argv.map(quote)].join(' ');
}
