// `fn()` as a `zdspec check` worker runs a search: its runs watched from the
// main thread (src/check/run-watch.ts) rather than each under node:vm's
// watchdog. Nobody watches here: the bench's proposals and mutants run no
// hook that loops.
import { watchRuns } from '../src/check/run-watch.ts';

export function asInWorker<T>(fn: () => T): T {
  watchRuns({ cells: new Int32Array(new SharedArrayBuffer(4)), epochMs: Date.now() });
  try {
    return fn();
  } finally {
    watchRuns(undefined);
  }
}
