/**
 * `regiosim playground [--out FILE]`: writes playground.html, the classroom playground: one
 * self-contained page that runs the model in the browser (no server, no network).
 */
import { resolve } from 'node:path';
import { t } from '../../i18n/index.js';
import { outputProblem, writeFileAtomically } from '../../io/write.js';
import { playgroundHtml } from '../../playground/build.js';
import { failOn, type CliCommand } from '../context.js';

interface PlaygroundArgs {
  out?: string;
}

export const playgroundCommand: CliCommand = {
  command: 'playground',
  describe: 'Write playground.html: the model in one page for a class (play month by month, move sliders, compare two structures); opens offline',
  collectsProblems: true,
  builder: (y) =>
    y
      .option('out', { type: 'string', describe: 'The HTML file to write (default: playground.html)' })
      .example('regiosim playground --lang nl --out les.html', 'A Dutch playground to put on a course site or a USB stick'),
  handler: async (rawArgs, ctx) => {
    const args = rawArgs as unknown as PlaygroundArgs;
    const shown = args.out ?? 'playground.html';
    const file = resolve(ctx.cwd, shown);
    const where = outputProblem(file, '--out', { kind: 'file' }, shown);
    failOn(ctx, where ? [where] : []);
    const html = await playgroundHtml(ctx.lang);
    writeFileAtomically(file, html);
    ctx.out(t('playground.wrote', ctx.lang, { file: shown, kb: Math.round(Buffer.byteLength(html) / 1024) }) + '\n');
    return 0;
  },
};
