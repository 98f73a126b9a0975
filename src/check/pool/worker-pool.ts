// The main thread's side of `zdspec check`: N worker threads (check-worker.ts)
// take the jobs in order (given, or longest first), one at a time each; every message goes to the
// caller as it arrives, so findings are written the moment they exist.
// stop() ends the workers at once (SIGINT/SIGTERM): whatever was in flight
// is lost except what was already posted.
import type { Worker } from 'node:worker_threads';
import type { CheckJob } from './check-job.ts';
import type { FromWorker, ToWorker } from './messages.ts';
import { overdue, type RunWatch } from '../run-watch.ts';
import { spawnWorker } from './spawn-worker.ts';

export interface Pool {
  /** Resolves when every job is done or failed, or the pool was stopped. */
  readonly finished: Promise<void>;
  stop(): Promise<void>;
}

const WORKER = new URL(`./check-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

/** How often the main thread looks at the workers' run deadlines (run-watch.ts). */
const WATCH_EVERY_MS = 20;

/**
 * `order`: the jobs' indexes in the order to start them (longest-first.ts);
 * default the given order. Messages name a job by its index either way.
 *
 * The workers' runs are watched from here (run-watch.ts): a worker past a
 * run's deadline is terminated, a new worker takes its place, and its job
 * goes first in the queue, to be run again under guard.ts's own watchdog;
 * a finding the first attempt already reported is not reported again (the
 * search is deterministic: the same finding, shrunk the same way).
 */
export function runPool(
  jobs: readonly CheckJob[],
  workers: number,
  onMessage: (m: FromWorker) => void,
  onStart?: (job: CheckJob) => void,
  order?: readonly number[],
  /** A job whose worker went past a run's deadline, about to run again under the watchdog. */
  onRerun?: (job: CheckJob) => void,
): Pool {
  const byIndex = new Map(jobs.map((j) => [j.index, j]));
  const queue = order === undefined ? [...jobs] : order.flatMap((i) => byIndex.get(i) ?? []);
  if (queue.length !== jobs.length) throw new Error('runPool: the order must name every job once');
  const threads = new Map<Worker, { readonly watch: RunWatch; job?: CheckJob }>();
  const epochMs = Date.now();
  // Jobs run again unwatched, and the checks each has reported a finding for.
  const again = new Set<number>();
  const reported = new Map<number, Set<string>>();
  let stopped = false;
  let open = 0;
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const finished = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const send = (w: Worker, m: ToWorker) => w.postMessage(m);
  const next = (w: Worker) => {
    const t = threads.get(w);
    const job = queue.shift();
    if (t === undefined || job === undefined || stopped) {
      if (t !== undefined) t.job = undefined;
      void w.terminate();
      return;
    }
    t.job = job;
    if (!again.has(job.index)) onStart?.(job);
    send(w, { type: 'job', job, ...(again.has(job.index) ? {} : { watch: { buffer: t.watch.cells.buffer as SharedArrayBuffer, epochMs } }) });
  };
  // A finding is reported once; so are the shrinking candidates before it.
  const forward = (m: FromWorker) => {
    if (m.type === 'finding' || m.type === 'candidate') {
      const check = m.type === 'finding' ? m.counterexample.check : m.check;
      const seen = reported.get(m.job) ?? new Set<string>();
      reported.set(m.job, seen);
      if (seen.has(check)) return;
      if (m.type === 'finding') seen.add(check);
    }
    onMessage(m);
  };
  const start = () => {
    const w = spawnWorker(WORKER);
    threads.set(w, { watch: { cells: new Int32Array(new SharedArrayBuffer(4)), epochMs } });
    open++;
    w.on('message', (m: FromWorker) => {
      if (stopped || !threads.has(w)) return;
      if (m.type !== 'ready') forward(m);
      if (m.type === 'ready' || m.type === 'done' || m.type === 'failed') next(w);
    });
    w.on('error', (e) => {
      if (!stopped && threads.has(w)) reject(e);
    });
    w.on('exit', () => {
      open--;
      if (open === 0) resolve();
    });
  };
  const look = setInterval(() => {
    for (const [w, t] of threads) {
      if (t.job === undefined || !overdue(t.watch)) continue;
      again.add(t.job.index);
      onRerun?.(t.job);
      queue.unshift(t.job);
      threads.delete(w);
      start();
      void w.terminate();
    }
  }, WATCH_EVERY_MS);
  look.unref();
  // Both ways: a finally() chain would re-reject, unhandled, when a worker fails.
  const stopLooking = () => clearInterval(look);
  finished.then(stopLooking, stopLooking);
  // No job (a shard beyond the plan): no thread to start.
  const count = Math.min(Math.max(1, workers), jobs.length);
  for (let i = 0; i < count; i++) start();
  if (count === 0) resolve();
  return {
    finished,
    async stop() {
      stopped = true;
      await Promise.all([...threads.keys()].map((w) => w.terminate()));
      resolve();
    },
  };
}
