/// <reference lib="dom" />
/** The worker's entry in the browser: messages from the page go to {@link handle}. */
import type { ToWorker } from './protocol.js';
import { handle, type WorkerState } from './worker.js';

const state: WorkerState = {};
const scope = self as unknown as Worker;
scope.onmessage = (e: MessageEvent<ToWorker>) => handle(state, e.data, (m) => scope.postMessage(m));
