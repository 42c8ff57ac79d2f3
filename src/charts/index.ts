/**
 * Chart builders: pure functions from tidy rows (the files of docs/formats.md, parsed) to
 * Vega-Lite specs. No file access; src/render draws the specs and src/cli/commands/chart.ts
 * decides which charts a directory's data supports.
 */
export * from './common.js';
export * from './distribution.js';
export * from './experiment.js';
export * from './forest.js';
export * from './map.js';
export * from './rows.js';
export * from './sensitivity.js';
export * from './survival.js';
export * from './theme.js';
export * from './timeline.js';
export * from './timeseries.js';
export * from './trust.js';
export * from './data.js';
export * from './registry.js';
export * from './membership.js';
