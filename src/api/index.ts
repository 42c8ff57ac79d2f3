/**
 * The library API of regiosim: everything the CLI does, as typed functions. The CLI
 * (src/cli) is a thin layer over these; `import { ... } from 'regiosim'` gets them.
 */
export * from './batch.js';
export * from './outputs.js';
export * from './run.js';
export * from './start.js';
export * from './uncertainty.js';
export * from './brief.js';
export * from './regions.js';
export * from './new-scenario.js';
