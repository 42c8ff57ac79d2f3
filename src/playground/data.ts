/** What playground.html carries inline for its page script (src/playground/page.ts). Pure types. */
import type { MunicipalityUniverse, Region } from '../core/entities/region.js';
import type { Lang } from '../i18n/index.js';

export interface PlaygroundScenario {
  /** The built-in name (`regiosim run <name>`). */
  name: string;
  /** Its title in the page's language. */
  title: string;
  /** The file's text, as `regiosim run` reads it. */
  yaml: string;
}

export interface PlaygroundData {
  lang: Lang;
  version: string;
  scenarios: PlaygroundScenario[];
  /** The built-in regions by id (data/regions.json, built as `regiosim` builds them). */
  regions: Record<string, Region>;
  /** The municipalities a scenario that names its members is filled in from (data/nl-municipalities-2019.json, as the CLI reads it). */
  municipalities: MunicipalityUniverse;
  /** data/nl-gemeente-2019.topojson, parsed. */
  topology: unknown;
}

/** The id of the inline JSON element and of the worker's source in playground.html. */
export const DATA_ID = 'playground-data';
export const WORKER_ID = 'playground-worker';
