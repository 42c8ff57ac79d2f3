/**
 * The `regiosim` command line. `bin/regiosim.js` calls {@link main} with the arguments after
 * the program name.
 *
 * Exit codes: 0 success; 2 a problem with the user's input (scenario file, options), printed as
 * a list of problems without a stack trace; 1 a file system that failed while writing (disk
 * full, permissions changed: one line, nothing half-written left), or a bug (stack trace).
 */
import yargs from 'yargs';
import { BatchAbortedError } from '../api/index.js';
import { isLang, LANGS, MESSAGES, t, type MessageKey } from '../i18n/index.js';
import { describeValue, formatProblems, formatUserError, isUserError, UserError, type Problem } from '../io/errors.js';
import { regiosimVersion } from '../io/run-output.js';
import { isFsError, OutputDirError, WriteError } from '../io/write.js';
import { commands } from './commands/index.js';
import type { CliContext } from './context.js';

/** A yargs validation failure (unknown option, missing argument). */
class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface MainOptions {
  out?: (text: string) => void;
  err?: (text: string) => void;
  cwd?: string;
  /** Stops long work (a batch) as Ctrl-C does; without options the process's SIGINT and SIGTERM do. */
  signal?: AbortSignal;
}

/**
 * Runs one command line and returns its exit code. Without `options` it writes to the process's
 * stdout/stderr and sets `process.exitCode`; tests pass `options` to capture the output.
 */
export async function main(argv: string[], options?: MainOptions): Promise<number> {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => controller.abort(signal);
  if (!options) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  if (!options) watchStdout();
  const ctx: CliContext = {
    out: options?.out ?? ((t) => void (stdoutClosed || process.stdout.write(t))),
    err: options?.err ?? ((t) => void process.stderr.write(t)),
    cwd: options?.cwd ?? process.cwd(),
    argv,
    lang: 'en',
    signal: options?.signal ?? controller.signal,
    problems: [],
  };
  try {
    const code = await dispatch(argv, ctx);
    if (!options) process.exitCode = code;
    return code;
  } finally {
    if (!options) {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    }
  }
}

/** Whether the reader of standard output has gone (`regiosim regions netherlands | head`). */
let stdoutClosed = false;
let watching = false;

/**
 * Once the reader of standard output has closed the pipe (EPIPE), what the command would print
 * is dropped: no stack trace, the work the command does (files it writes) is finished, and the
 * exit code is the command's. Any other error of standard output is thrown as before.
 */
function watchStdout(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    stdoutClosed = true;
  });
}

/** The language asked for on the command line, checked before any command runs. */
function langMiddleware(ctx: CliContext): (args: Record<string, unknown>) => void {
  return (args) => {
    const raw = args['lang'];
    if (raw === undefined) return;
    const text = Array.isArray(raw) ? String(raw[raw.length - 1]) : String(raw);
    if (isLang(text)) ctx.lang = text;
    else ctx.problems.push({ path: '--lang', expected: `one of ${LANGS.join(', ')}`, found: describeValue(raw) });
  };
}

/** Boolean flags: a value after them is never theirs. */
const FLAGS = new Set(['--quiet', '--keep-timeseries', '--parquet', '--analyze', '--no-analyze', '--help', '-h', '--version']);

/**
 * `--shard -1/2` and `--seed -3` as the user meant them: an option followed by something that
 * starts with a minus and a digit (never an option's name) gets it as its value, so the option's
 * own check can say what is wrong with it (rather than yargs reading `-1` as flags).
 */
export function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    if (/^--[a-z][\w-]*$/i.test(a) && !FLAGS.has(a) && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${a}=${next}`);
      i += 1;
    } else out.push(a);
  }
  return out;
}

/** Options that may be given more than once; any other option given twice is a mistake. */
const REPEATABLE = new Set(['set', 'range', 'outcome', 'params', 'scenario', 'dirs', 'files', 'lang', '_', '$0']);

/**
 * Options given twice with values (`--out a --out b`): which one was meant is not guessed. The
 * problem is recorded, and the option keeps one value so that the command's own checks still run
 * (and report theirs with it).
 */
function repeatedOptions(ctx: CliContext): (args: Record<string, unknown>) => void {
  return (args) => {
    for (const [key, value] of Object.entries(args)) {
      if (REPEATABLE.has(key) || /[A-Z]/.test(key) || !Array.isArray(value) || !value.every((v) => typeof v === 'string' || typeof v === 'number')) continue;
      ctx.problems.push({ path: `--${key}`, expected: 'one value (the option is given once)', found: `${value.length} values: ${value.map((v) => describeValue(String(v))).join(', ')}` });
      const last: unknown = value[value.length - 1];
      args[key] = last;
      const camel = key.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
      if (camel !== key) args[camel] = last;
    }
  };
}

async function dispatch(rawArgv: string[], ctx: CliContext): Promise<number> {
  const argv = joinNegativeValues(rawArgv);
  let exitCode = 0;
  let output = '';
  const parser = yargs(argv)
    .scriptName('regiosim')
    .usage('regiosim <command> [options]\n\nAgent-based simulation of regional cooperation between Dutch municipalities.')
    .exitProcess(false)
    .strict()
    .recommendCommands()
    .version(regiosimVersion())
    .help()
    .alias('help', 'h')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .demandCommand(1, `choose a command: ${commands.map((c) => c.command.split(' ')[0]).join(', ')}`)
    .option('lang', { type: 'string', global: true, describe: 'Language of what regiosim prints and of the texts it writes (summaries, charts, reports): en or nl' })
    .middleware(langMiddleware(ctx), true)
    .middleware(repeatedOptions(ctx), true)
    .epilogue('Run `regiosim <command> --help` for the options of a command.')
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(msg ?? 'invalid command line');
    });
  for (const cmd of commands) {
    parser.command({
      command: cmd.command,
      describe: cmd.describe,
      builder: cmd.builder ?? ((y) => y),
      handler: async (args) => {
        if (!cmd.collectsProblems && ctx.problems.length > 0) throw new UserError('the command line', ctx.problems);
        exitCode = (await cmd.handler(args as Record<string, unknown>, ctx)) ?? 0;
      },
    });
  }

  try {
    await parser.parseAsync(argv, {}, (_err, _args, text) => {
      output = text ?? '';
    });
  } catch (err) {
    return report(err, argv, ctx);
  }
  if (output) ctx.out(output.endsWith('\n') ? output : output + '\n');
  return exitCode;
}

/**
 * The exit code and message of a command that failed: 2 and the problems for the user's input,
 * 1 and one line for a file system that failed (disk full, permissions changed), 1 and a stack
 * trace only for a bug.
 */
function report(err: unknown, argv: readonly string[], ctx: CliContext): number {
  if (isUserError(err)) {
    ctx.err(formatUserError(err) + '\n');
    return 2;
  }
  if (err instanceof BatchAbortedError) {
    ctx.err(`\n${t('cli.interrupted', ctx.lang, { signal: String(err.reason ?? 'abort'), done: err.done, planned: err.planned, dir: err.out })}\n`);
    return err.reason === 'SIGTERM' ? 143 : 130;
  }
  if (err instanceof OutputDirError) {
    ctx.err(`regiosim: ${err.message}; choose another --out directory, or remove it first.\n`);
    return 2;
  }
  if (err instanceof UsageError) {
    const problems = usageProblems(err.message, argv);
    ctx.err(formatProblems('the command line', [...ctx.problems, ...problems]) + '\n');
    ctx.err(t('cli.usageHint', ctx.lang, { command: helpTarget(argv) }) + '\n');
    return 2;
  }
  if (err instanceof WriteError) {
    ctx.err(t('cli.writeFailed', ctx.lang, { path: err.path, reason: reasonText(err.cause, ctx) }) + '\n');
    return 1;
  }
  if (isFsError(err)) {
    ctx.err(t('cli.fsFailed', ctx.lang, { path: err.path ?? `a file (${err.syscall ?? 'unknown operation'})`, reason: reasonText(err, ctx) }) + '\n');
    return 1;
  }
  const stack = err instanceof Error ? (err.stack ?? err.message) : String(err);
  ctx.err(`regiosim: internal error (this is a bug; please report it with the command line and scenario):\n${stack}\n`);
  return 1;
}

/** A file-system error's reason in the user's language: `no space left on the device (ENOSPC)`. */
function reasonText(err: unknown, ctx: CliContext): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
  const key = `cli.fsReason.${code}`;
  const text = key in MESSAGES ? t(key as MessageKey, ctx.lang) : t('cli.fsReason.other', ctx.lang, { code });
  return key in MESSAGES ? `${text} (${code})` : text;
}

/** What each command's arguments are, for "missing" messages: `run <scenario>` → the scenario. */
const ARGUMENTS: Record<string, string> = {
  scenario: 'a scenario file (.yaml) or the name of a built-in scenario',
  dir: 'an output directory of regiosim',
  dirs: 'the output directories of the shards of a batch',
  files: 'one or more scenario files or built-in scenario names',
};

/** yargs's messages as problems: which option or argument, what was expected, what was found. */
function usageProblems(msg: string, argv: readonly string[]): Problem[] {
  const first = argv.find((a) => !a.startsWith('-'));
  const cmd = commands.find((c) => c.command.split(' ')[0] === first);
  const usage = cmd ? `regiosim ${cmd.command}` : 'regiosim <command>';
  const unknown = /^Unknown arguments?: (.*)$/.exec(msg);
  if (unknown) {
    // yargs lists `--strict-mode` twice: as strict-mode and as strictMode.
    const all = unknown[1]!.split(', ');
    const kebab = (n: string): string => n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const names = all.filter((n) => kebab(n) === n || !all.includes(kebab(n)));
    return names.map((n): Problem => {
      if (!cmd && n === first) return { path: '(command)', expected: `a command: ${commands.map((c) => c.command.split(' ')[0]).join(', ')}`, found: describeValue(n) };
      const dashed = argv.find((a) => a === `--${n}` || a.startsWith(`--${n}=`) || a === `-${n}`);
      if (dashed || n.length === 1) {
        const option = dashed ? dashed.split('=')[0]! : `-${n}`;
        return { path: option, expected: `an option of ${usage} (see --help)`, found: 'an unknown option' };
      }
      return { path: '(arguments)', expected: `the arguments of ${usage}`, found: `an unexpected argument ${describeValue(n)}` };
    });
  }
  const notEnough = /^Not enough non-option arguments: got (\d+), need at least (\d+)$/.exec(msg);
  if (notEnough && cmd) {
    const positionals = [...cmd.command.matchAll(/<(\w+)(\.\.\.?)?>/g)].map((m) => m[1]!);
    const missing = positionals.slice(Number(notEnough[1]));
    return missing.map((name) => ({ path: `<${name}>`, expected: `${ARGUMENTS[name] ?? name}, as in \`${usage}\``, found: 'nothing' }));
  }
  if (notEnough || /^choose a command/.test(msg)) {
    return [{ path: '(command)', expected: `a command: ${commands.map((c) => c.command.split(' ')[0]).join(', ')}`, found: 'nothing' }];
  }
  const required = /^Missing required arguments?: (.*)$/.exec(msg);
  if (required) return required[1]!.split(', ').map((n) => ({ path: `--${n}`, expected: `a value (${usage} needs --${n})`, found: 'nothing' }));
  const following = /^Not enough arguments following: (.*)$/.exec(msg);
  if (following) return [{ path: `--${following[1]}`, expected: 'a value after the option', found: 'nothing' }];
  const invalid = /^Invalid values?:\s*Argument: (\S+), Given: (.*), Choices: (.*)$/s.exec(msg.replace(/\n/g, ' '));
  if (invalid) return [{ path: `--${invalid[1]}`, expected: `one of ${invalid[3]!.replace(/"/g, '').trim()}`, found: invalid[2]!.trim() }];
  const suggest = /^Did you mean (.*)\?$/.exec(msg);
  if (suggest && first) return [{ path: '(command)', expected: `a command: ${commands.map((c) => c.command.split(' ')[0]).join(', ')}`, found: `${describeValue(first)} (did you mean ${suggest[1]}?)` }];
  return [{ path: '(command line)', expected: `the options and arguments of ${usage}`, found: msg.charAt(0).toLowerCase() + msg.slice(1) }];
}

function helpTarget(argv: readonly string[]): string {
  const first = argv.find((a) => !a.startsWith('-'));
  const known = first && commands.some((c) => c.command.split(' ')[0] === first);
  return known ? `${first} ` : '';
}
