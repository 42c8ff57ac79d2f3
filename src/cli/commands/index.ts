/**
 * The commands of `regiosim`, in the order `regiosim --help` lists them.
 * To add a command: write `src/cli/commands/<name>.ts` exporting a CliCommand, import it here
 * and add it to the list.
 */
import type { CliCommand } from '../context.js';
import { analyzeCommand } from './analyze.js';
import { batchCommand } from './batch.js';
import { briefCommand } from './brief.js';
import { calibrateCommand } from './calibrate.js';
import { chartCommand } from './chart.js';
import { dockingCommand } from './docking.js';
import { mergeCommand } from './merge.js';
import { newCommand } from './new.js';
import { paramsCommand } from './params.js';
import { regionsCommand } from './regions.js';
import { playgroundCommand } from './playground.js';
import { reportCommand } from './report.js';
import { robustnessCommand } from './robustness.js';
import { runCommand } from './run.js';
import { scenariosCommand } from './scenarios.js';
import { sensitivityCommand } from './sensitivity.js';
import { schemaCommand } from './schema.js';
import { startCommand } from './start.js';
import { storyCommand } from './story.js';
import { validateCommand } from './validate.js';

export const commands: CliCommand[] = [
  startCommand,
  runCommand,
  batchCommand,
  mergeCommand,
  analyzeCommand,
  sensitivityCommand,
  calibrateCommand,
  robustnessCommand,
  dockingCommand,
  chartCommand,
  reportCommand,
  storyCommand,
  briefCommand,
  playgroundCommand,
  validateCommand,
  scenariosCommand,
  regionsCommand,
  newCommand,
  paramsCommand,
  schemaCommand,
];
