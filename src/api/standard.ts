/** The standard comparison's scenarios and size, shared by `npm start` and `regiosim robustness`. */

/** Reference first: the adviser's question is "how much better than without a structure?". */
export const STANDARD_SCENARIOS = ['wgr-plus-abolished', 'basiscoalitie', 'modular-gr', 'wgr-plus-continues'] as const;
export const STANDARD_RUNS = 1000;
