// The load worker's side of preload-in-worker.ts: import the proposal file
// the way the main thread will (importDefault, with the process guard
// installed: a `process.kill(process.pid)` from a worker would still end
// zdspec) and report how it went. The main thread only imports a file once
// this has answered 'loaded'.
import { parentPort, workerData } from 'node:worker_threads';
import { ProposalError } from '../../models/proposals/proposal-error.ts';
import { thisThreadTask } from '../check/thread-cpu.ts';
import { importDefault } from './import-default.ts';
import { guardProcess } from './process-guard.ts';

export type ProbeMessage =
  /** tsx is registered; the proposal's own code starts now. `task`: this thread's /proc directory, to watch its CPU time (Linux). */
  | { readonly kind: 'ready'; readonly task?: string }
  /** The default export's fields (or its type). */
  | { readonly kind: 'loaded'; readonly shape: string }
  /** importDefault's ProposalError, to be thrown in the main thread as it is. */
  | { readonly kind: 'failed'; readonly field: string; readonly detail: string };

export async function probeLoad(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('probeLoad: not in a worker thread');
  const { file } = workerData as { file: string };
  guardProcess();
  // A promise the file rejects and drops is reported once, by the CLI, when
  // the main thread imports it; here it would end the thread mid-answer.
  process.on('unhandledRejection', () => undefined);
  const post = (m: ProbeMessage) => port.postMessage(m);
  const task = thisThreadTask();
  post({ kind: 'ready', ...(task === undefined ? {} : { task }) });
  try {
    const value = await importDefault(file);
    post({ kind: 'loaded', shape: shapeOf(value) });
  } catch (e) {
    if (e instanceof ProposalError) post({ kind: 'failed', field: e.field, detail: e.detail });
    else post({ kind: 'failed', field: '(file)', detail: `threw while loading: ${e instanceof Error ? e.message : String(e)}` });
  }
}

/** The answer names the default export's fields; the main thread only needs to know it loaded. */
function shapeOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return value === null ? 'null' : typeof value;
  try {
    return `{ ${Object.keys(value).join(', ')} }`;
  } catch {
    return 'an object'; // a Proxy whose ownKeys trap throws: validateProposal will say so
  }
}
