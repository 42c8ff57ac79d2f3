/** Languages, the message catalogue and the formatter of each language. */
export * from './catalogue.js';
export * from './format.js';
export * from './kinds.js';
export * from './lang.js';
export * from './params.js';
export * from './story.js';
