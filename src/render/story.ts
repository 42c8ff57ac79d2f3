/**
 * The story of a run (src/analysis/story.ts) from its files: from the texts `regiosim run` is
 * about to write, or from a run's folder (`regiosim story`, the run report). Both read the files
 * with the same parsers (src/render/load.ts), so story.md is the same whichever way it is made.
 */
import { join } from 'node:path';
import { runStory, type StoryInput } from '../analysis/story.js';
import type { Lang } from '../i18n/index.js';
import { UserError } from '../io/errors.js';
import { outputProblem, writeFileAtomically } from '../io/write.js';
import { loadDir, parseRunTexts, type DirData } from './load.js';

/** Files a run's story is told from. */
export const STORY_NEEDS = ['summary.json', 'events.jsonl'] as const;

/** The story's input from what a directory holds (undefined without summary.json or events.jsonl). */
export function storyInput(data: Pick<DirData, 'runSummary' | 'events' | 'runSeries'>): StoryInput | undefined {
  if (data.runSummary === undefined || data.events === undefined) return undefined;
  return { summary: data.runSummary, events: data.events, ...(data.runSeries !== undefined ? { series: data.runSeries } : {}) };
}

/** story.md from the texts of a run's files (for `regiosim run`, before they are written). */
export function storyFromTexts(texts: { 'summary.json': string; 'events.jsonl': string; 'timeseries.csv': string }, lang: Lang): string {
  return runStory(storyInput(parseRunTexts(texts))!, lang);
}

/**
 * Reads a run's folder and writes its story.md (atomically). Throws a UserError when the folder
 * is not a run (naming the files it lacks); `shown` is how the folder is named in messages.
 */
export function writeStory(dir: string, lang: Lang, shown = dir): { path: string; text: string } {
  const data = loadDir(dir, shown);
  const absent = STORY_NEEDS.filter((f) => !data.present.has(f));
  if (absent.length > 0) {
    throw new UserError(shown, [{
      path: '(directory)',
      expected: `the folder of one run (from \`regiosim run\`) with ${STORY_NEEDS.join(' and ')}`,
      found: `a folder without ${absent.join(' and ')}`,
    }]);
  }
  const where = outputProblem(join(dir, 'story.md'), '<dir>', { kind: 'file' }, join(shown, 'story.md'));
  if (where) throw new UserError('the command line', [where]);
  const text = runStory(storyInput(data)!, lang);
  const path = join(dir, 'story.md');
  writeFileAtomically(path, text);
  return { path, text };
}
