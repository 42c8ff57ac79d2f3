/**
 * `regiosim scenarios`: the built-in scenarios, one line each, and for a scenario with a
 * `reference` every difference from it, sorted into structure, scope and settings
 * (src/core/scenario/diff.ts). A comparison should differ in its structure only, or name the
 * difference it is about.
 */
import { listBuiltinScenarios, loadScenario } from '../../api/index.js';
import { scenarioDifferences } from '../../core/scenario/diff.js';
import { t } from '../../i18n/index.js';
import type { CliCommand } from '../context.js';

export const scenariosCommand: CliCommand = {
  command: 'scenarios',
  describe: 'List the built-in scenarios, what each represents and how it differs from its reference',
  handler: (_args, ctx) => {
    const list = listBuiltinScenarios();
    const width = Math.max(...list.map((s) => s.name.length));
    for (const s of list) {
      ctx.out(`${s.name.padEnd(width)}  ${s.description || s.title}\n`);
      const loaded = loadScenario(s.name);
      if (loaded.reference === null) continue;
      const ref = loadScenario(loaded.reference);
      const diffs = scenarioDifferences(loaded.scenario, ref.scenario);
      const indent = ' '.repeat(width + 2);
      const refName = ref.scenario.name;
      if (diffs.length === 0) {
        ctx.out(`${indent}${t('cli.scenariosSame', ctx.lang, { reference: refName })}\n`);
        continue;
      }
      ctx.out(`${indent}${t('cli.scenariosCompared', ctx.lang, { reference: refName })}\n`);
      for (const d of diffs) {
        ctx.out(`${indent}  ${t(`cli.diff.${d.kind}`, ctx.lang)}: ${d.what}: ${d.here} (${t('cli.scenariosReferenceValue', ctx.lang, { reference: refName, value: d.there })})\n`);
      }
    }
    ctx.out(`\n${t('cli.scenariosHint', ctx.lang, { dir: list.length ? dirOf(list[0]!.file) : 'scenarios/' })}\n`);
  },
};

function dirOf(file: string): string {
  return file.replace(/[\\/][^\\/]*$/, '/');
}
