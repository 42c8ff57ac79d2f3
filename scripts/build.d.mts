// Types of scripts/build.mjs, for tests/setup/build.ts.
export declare const ROOT: string;
export declare function distUpToDate(): boolean;
export declare function ensureDist(options?: { allowTypeErrors?: boolean }): { state: 'up to date' | 'built'; status: number; output: string };
