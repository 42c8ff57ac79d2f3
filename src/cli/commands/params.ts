/**
 * `regiosim params`: the model parameters with default, unit, bounds and meaning.
 */
import { PARAM_GROUPS, PARAMS, PARAM_NAMES, type ParamName, type ParamSpec } from '../../core/params.js';
import { UserError } from '../../io/errors.js';
import { formatNumber, toCsv } from '../../formats/text.js';
import type { CliCommand } from '../context.js';

const FORMATS = ['text', 'csv', 'markdown'] as const;

const bounds = (s: ParamSpec): string => `${formatNumber(s.min)}-${formatNumber(s.max)}${s.integer ? ' (whole)' : ''}`;

export function paramsCsv(names: readonly ParamName[]): string {
  return toCsv(
    ['name', 'group', 'default', 'unit', 'min', 'max', 'integer', 'meaning', 'justification'],
    names.map((n) => {
      const s = PARAMS[n];
      return [n, s.group, s.default, s.unit, s.min, s.max, s.integer === true, s.meaning, s.justification];
    }),
  );
}

export function paramsMarkdown(names: readonly ParamName[]): string {
  const cell = (t: string): string => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = ['| name | group | default | unit | bounds | meaning |', '|---|---|---:|---|---|---|'];
  for (const n of names) {
    const s = PARAMS[n];
    lines.push(`| \`${n}\` | ${s.group} | ${formatNumber(s.default)} | ${cell(s.unit)} | ${bounds(s)} | ${cell(s.meaning)} |`);
  }
  return lines.join('\n') + '\n';
}

/** Text for a terminal: one block per group, the meaning wrapped under each name. */
export function paramsText(names: readonly ParamName[], width = 100): string {
  const out: string[] = [];
  const nameW = Math.max(...names.map((n) => n.length));
  for (const group of PARAM_GROUPS) {
    const inGroup = names.filter((n) => PARAMS[n].group === group);
    if (inGroup.length === 0) continue;
    out.push(`${group}:`);
    for (const n of inGroup) {
      const s = PARAMS[n];
      out.push(`  ${n.padEnd(nameW)}  ${formatNumber(s.default).padStart(6)}  [${bounds(s)}] ${s.unit}`);
      for (const line of wrap(s.meaning, width - nameW - 6)) out.push(`  ${' '.repeat(nameW)}    ${line}`);
    }
    out.push('');
  }
  return out.join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

interface ParamsArgs {
  group?: string;
  format: (typeof FORMATS)[number];
}

export const paramsCommand: CliCommand = {
  command: 'params',
  describe: 'List the model parameters: default, unit, bounds and meaning',
  builder: (y) =>
    y
      .option('group', { type: 'string', describe: `Only one group (${PARAM_GROUPS.join(', ')})` })
      .option('format', { choices: FORMATS, default: 'text' as const, describe: 'Output format' })
      .example('regiosim params --group staff', 'Parameters of staff turnover')
      .example('regiosim params --format csv > params.csv', 'The table for a spreadsheet'),
  handler: (rawArgs, ctx) => {
    const args = rawArgs as unknown as ParamsArgs;
    if (args.group !== undefined && !(PARAM_GROUPS as readonly string[]).includes(args.group)) {
      throw new UserError('the command line', [{ path: '--group', expected: `one of ${PARAM_GROUPS.join(', ')}`, found: JSON.stringify(args.group) }]);
    }
    const names = PARAM_NAMES.filter((n) => args.group === undefined || PARAMS[n].group === args.group);
    if (args.format === 'csv') ctx.out(paramsCsv(names));
    else if (args.format === 'markdown') ctx.out(paramsMarkdown(names));
    else ctx.out(paramsText(names));
  },
};
