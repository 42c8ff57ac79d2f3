/**
 * The `regiosim` command line. `bin/regiosim.js` calls {@link main} with the arguments after
 * the program name.
 *
 * Exit codes: 0 success; 2 a problem with the user's input (scenario file, options), printed as
 * a list of problems without a stack trace; 1 anything else, which is a bug (stack trace).
 */
import yargs from 'yargs';
import { BatchAbortedError } from '../api/index.js';
import { isLang, LANGS, t } from '../i18n/index.js';
import { describeValue, formatUserError, isUserError, UserError } from '../io/errors.js';
import { regiosimVersion } from '../io/run-output.js';
import { OutputDirError } from '../io/write.js';
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
  const ctx: CliContext = {
    out: options?.out ?? ((t) => void process.stdout.write(t)),
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

async function dispatch(argv: string[], ctx: CliContext): Promise<number> {
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
      ctx.err(`regiosim: ${usageMessage(err.message, argv)}\n`);
      ctx.err(`Run \`regiosim ${helpTarget(argv)}--help\` for usage.\n`);
      return 2;
    }
    const stack = err instanceof Error ? (err.stack ?? err.message) : String(err);
    ctx.err(`regiosim: internal error (this is a bug; please report it with the command line and scenario):\n${stack}\n`);
    return 1;
  }
  if (output) ctx.out(output.endsWith('\n') ? output : output + '\n');
  return exitCode;
}

/** yargs says `Unknown argument: foo`; say which option or argument is meant. */
function usageMessage(msg: string, argv: readonly string[]): string {
  const unknown = /^Unknown arguments?: (.*)$/.exec(msg);
  if (unknown) {
    // yargs lists `--strict-mode` twice: as strict-mode and as strictMode.
    const all = unknown[1]!.split(', ');
    const kebab = (n: string): string => n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const names = all.filter((n) => kebab(n) === n || !all.includes(kebab(n)));
    const shown = names.map((n) => {
      const dashed = argv.find((a) => a === `--${n}` || a.startsWith(`--${n}=`) || a === `-${n}`);
      return dashed ? dashed.split('=')[0]! : n;
    });
    const options = shown.filter((s) => s.startsWith('-'));
    const args = shown.filter((s) => !s.startsWith('-'));
    const parts: string[] = [];
    if (options.length) parts.push(`unknown option${options.length > 1 ? 's' : ''} ${options.join(', ')}`);
    if (args.length) parts.push(`unexpected argument${args.length > 1 ? 's' : ''} ${args.map((a) => JSON.stringify(a)).join(', ')}`);
    return parts.join('; ');
  }
  const first = argv.find((a) => !a.startsWith('-'));
  if (/^Did you mean/.test(msg) && first) return `unknown command ${JSON.stringify(first)}; ${msg.charAt(0).toLowerCase()}${msg.slice(1)}`;
  return msg.charAt(0).toLowerCase() + msg.slice(1);
}

function helpTarget(argv: readonly string[]): string {
  const first = argv.find((a) => !a.startsWith('-'));
  const known = first && commands.some((c) => c.command.split(' ')[0] === first);
  return known ? `${first} ` : '';
}
