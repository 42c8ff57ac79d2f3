/**
 * report.html for the folder of one run: the run's story (story.md's text, src/analysis/story.ts),
 * who was in which arrangement month by month, the timeline with names, and the run's other
 * charts (its time series, trust, map and activity), interactive and self-contained like the
 * batch report (src/render/report.ts), whose style and chart scripts it shares.
 */
import { join } from 'node:path';
import { runStory } from '../analysis/story.js';
import { NoDataError } from '../charts/index.js';
import { formatter, t, type Lang } from '../i18n/index.js';
import { UserError } from '../io/errors.js';
import { outputProblem, writeFileAtomically } from '../io/write.js';
import { catalog, type MissingChart } from './catalog.js';
import { loadDir, type DirData } from './load.js';
import { escapeHtml, markdownToHtml } from './markdown.js';
import { CSP, htmlHead } from './page.js';
import { chartScripts, CSS, figureHtml, scrollableTables, type ReportChart } from './report.js';
import { STORY_NEEDS, storyInput } from './story.js';

/** The charts a run report shows first, in this order; the run's other charts follow. */
export const RUN_REPORT_FIRST = ['membership', 'timeline-named'] as const;

/** Whether a directory's data is one run (not a batch): the run report is for it. */
export function isRunDir(data: Pick<DirData, 'present' | 'batchManifest'>): boolean {
  return data.batchManifest === undefined && !data.present.has('runs.csv') && STORY_NEEDS.every((f) => data.present.has(f));
}

export function buildRunReport(data: DirData, lang: Lang): { html: string; charts: ReportChart[]; missing: MissingChart[] } {
  const input = storyInput(data)!;
  const cat = catalog(data, { lang, theme: 'default' });
  const rank = (name: string): number => {
    const i = (RUN_REPORT_FIRST as readonly string[]).indexOf(name);
    return i < 0 ? RUN_REPORT_FIRST.length : i;
  };
  const jobs = [...cat.jobs].sort((a, b) => rank(a.name) - rank(b.name));
  const charts: ReportChart[] = [];
  const missing = [...cat.missing];
  for (const job of jobs) {
    try {
      charts.push({ name: job.name, heading: job.heading, ...(job.caption !== undefined ? { caption: job.caption } : {}), spec: job.build() });
    } catch (err) {
      if (err instanceof NoDataError) missing.push({ chart: job.name, files: [], hint: err.message });
      else throw err;
    }
  }
  const story = runStory(input, lang);
  const s = input.summary;
  const title = t('story.title', lang, { title: lang === 'nl' ? (s.title_nl ?? s.title) : s.title });
  const m = data.runManifest;
  const made = m !== undefined ? `<p class="ci">${escapeHtml(t('report.runMade', lang, { command: m.command, created: formatter(lang).timestamp(m.created), version: m.regiosim_version }))}</p>` : '';
  const html = `${htmlHead(lang, title, CSP.charts, CSS)}
<main>
<section id="story" class="summary">
${scrollableTables(markdownToHtml(story, 0))}
</section>
<section id="charts">
<h2>${escapeHtml(t('report.charts', lang))}</h2>
<p>${escapeHtml(t('report.chartHint', lang))}</p>
${charts.map(figureHtml).join('\n')}
</section>
${made}
</main>
${chartScripts(charts, lang)}
</body>
</html>
`;
  return { html, charts, missing };
}

/**
 * Reads a run's folder and writes its report.html (atomically). Throws a UserError when the
 * folder is not a run; `shown` is how the folder is named in messages.
 */
export function writeRunReport(dir: string, lang: Lang, shown = dir): { path: string; charts: number; missing: MissingChart[] } {
  const where = outputProblem(join(dir, 'report.html'), '<dir>', { kind: 'file' }, join(shown, 'report.html'));
  if (where) throw new UserError('the command line', [where]);
  const data = loadDir(dir, shown);
  if (!isRunDir(data)) {
    throw new UserError(shown, [{ path: '(directory)', expected: `the folder of one run (from \`regiosim run\`) with ${STORY_NEEDS.join(' and ')}`, found: `a folder without ${STORY_NEEDS.filter((f) => !data.present.has(f)).join(' and ') || 'them'}` }]);
  }
  const report = buildRunReport(data, lang);
  const path = join(dir, 'report.html');
  writeFileAtomically(path, report.html);
  return { path, charts: report.charts.length, missing: report.missing };
}
