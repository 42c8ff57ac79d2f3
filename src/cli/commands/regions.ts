/**
 * `regiosim regions [id]`: the built-in regions (id, name, number of municipalities, province),
 * or with an id that region's municipalities with population, province and number of neighbours.
 */
import { builtinRegion, builtinRegions } from '../../api/index.js';
import { formatter, MESSAGES, t, type Lang, type MessageKey } from '../../i18n/index.js';
import type { CliCommand } from '../context.js';

/** A region's name in the language: data/regions.json's, or the Dutch one of the catalogue where that one is not Dutch. */
export function regionName(id: string, name: string, lang: Lang): string {
  const key = `cli.regionName.${id}`;
  return key in MESSAGES ? t(key as MessageKey, lang) : name;
}

/** Columns padded to their widest cell; the columns in `right` right-aligned (numbers). */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number>): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (right.has(c) ? cell.padStart(widths[c]!) : c === cells.length - 1 ? cell : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

interface RegionsArgs {
  id?: string;
}

export const regionsCommand: CliCommand = {
  command: 'regions [id]',
  describe: 'List the built-in regions, or the municipalities of one with their population',
  builder: (y) =>
    y
      .positional('id', { type: 'string', describe: 'A built-in region id: list its municipalities' })
      .example('regiosim regions', 'Id, name, number of municipalities and province of each built-in region')
      .example('regiosim regions haaglanden --lang nl', 'The nine municipalities of Haaglanden with their population, in Dutch'),
  handler: (rawArgs, ctx) => {
    const { id } = rawArgs as unknown as RegionsArgs;
    const lang = ctx.lang;
    const fmt = formatter(lang);
    if (id === undefined) {
      const rows = builtinRegions().map((r) => [
        r.id,
        regionName(r.id, r.name, lang),
        fmt.count(r.municipalities),
        r.provinces.length <= 3 ? r.provinces.join(', ') : t('cli.regionsProvinces', lang, { n: r.provinces.length }),
      ]);
      ctx.out(textTable(t('cli.regionsHeader', lang).split('|'), rows, new Set([2])));
      ctx.out(`\n${t('cli.regionsHint', lang)}\n`);
      return;
    }
    const region = builtinRegion(String(id), 'id');
    const population = region.municipalities.reduce((s, m) => s + m.population, 0);
    ctx.out(t('cli.regionTitle', lang, { name: regionName(region.id, region.name, lang), id: region.id, n: fmt.count(region.municipalities.length), population: fmt.count(population), year: region.year }) + '\n\n');
    const rows = region.municipalities.map((m) => [m.code, m.name, fmt.count(m.population), m.province ?? '', fmt.count(m.neighbours.length)]);
    ctx.out(textTable(t('cli.regionHeader', lang).split('|'), rows, new Set([2, 4])));
    ctx.out(`\n${t('cli.regionNeighboursNote', lang)}\n`);
  },
};
