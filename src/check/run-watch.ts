// A worker thread's runs watched from the main thread, in place of node:vm's
// watchdog (guard.ts). Arming that watchdog costs a thread start and join
// per run, ~0.1-0.4 ms: 9.5% of a check worker's profile. A watched worker
// instead writes the wall-clock deadline of the run in progress to memory it
// shares with the main thread and runs the run directly; the main thread
// (worker-pool.ts) looks every few milliseconds, and a worker past its
// deadline is terminated and its job run again from the start, unwatched:
// there guard.ts's own watchdog and CPU-time rules decide exactly as they
// would have (the search is deterministic, so it meets the same run), and
// the findings the first attempt already reported are not reported twice.
// A false alarm (a machine that kept the worker off the CPU) costs a re-run,
// never a finding.

/** A run is overdue after this many times its CPU-time limit in wall time. */
export const WATCH_FACTOR = 2;

/** What a watched worker shares with the main thread: one Int32 cell, the deadline in ms after `epochMs` (0: no run in progress). */
export interface RunWatch {
  readonly cells: Int32Array;
  /** Date.now() when the pool began: deadlines are offsets from it (an Int32 holds 24 days of them). */
  readonly epochMs: number;
}

let current: RunWatch | undefined;

/** This thread's runs are watched through `watch` from now on (undefined: guarded by node:vm again). */
export function watchRuns(watch: RunWatch | undefined): void {
  current = watch;
}

/** Whether this thread's runs are watched (guard.ts then never starts a run again). */
export const runsWatched = (): boolean => current !== undefined;

/** `fn()` with its deadline published: `limitMs` of CPU time, WATCH_FACTOR times that in wall time. Undefined when no watch is installed. */
export function watchedRun<T>(limitMs: number, fn: () => T): { value: T } | undefined {
  const w = current;
  if (w === undefined) return undefined;
  // A run inside a run (a re-run while shortening) restores the outer deadline when it returns.
  const outer = Atomics.load(w.cells, 0);
  Atomics.store(w.cells, 0, Math.max(1, Math.ceil(Date.now() - w.epochMs + WATCH_FACTOR * limitMs)));
  try {
    return { value: fn() };
  } finally {
    Atomics.store(w.cells, 0, outer);
  }
}

/** The main thread's look: a run is in progress and past its deadline. */
export function overdue(watch: RunWatch, nowMs = Date.now()): boolean {
  const deadline = Atomics.load(watch.cells, 0);
  return deadline !== 0 && nowMs - watch.epochMs > deadline;
}
