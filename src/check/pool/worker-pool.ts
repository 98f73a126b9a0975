// The main thread's side of `zdspec check`: N worker threads (check-worker.ts)
// take the jobs in order (given, or longest first), one at a time each; every message goes to the
// caller as it arrives, so findings are written the moment they exist.
// stop() ends the workers at once (SIGINT/SIGTERM): whatever was in flight
// is lost except what was already posted.
import type { Worker } from 'node:worker_threads';
import type { CheckJob } from './check-job.ts';
import type { FromWorker, ToWorker } from './messages.ts';
import { spawnWorker } from './spawn-worker.ts';

export interface Pool {
  /** Resolves when every job is done or failed, or the pool was stopped. */
  readonly finished: Promise<void>;
  stop(): Promise<void>;
}

const WORKER = new URL(`./check-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

/**
 * `order`: the jobs' indexes in the order to start them (longest-first.ts);
 * default the given order. Messages name a job by its index either way.
 */
export function runPool(jobs: readonly CheckJob[], workers: number, onMessage: (m: FromWorker) => void, onStart?: (job: CheckJob) => void, order?: readonly number[]): Pool {
  const byIndex = new Map(jobs.map((j) => [j.index, j]));
  const queue = order === undefined ? [...jobs] : order.flatMap((i) => byIndex.get(i) ?? []);
  if (queue.length !== jobs.length) throw new Error('runPool: the order must name every job once');
  const threads: Worker[] = [];
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
    const job = queue.shift();
    if (job === undefined || stopped) {
      void w.terminate();
      return;
    }
    onStart?.(job);
    send(w, { type: 'job', job });
  };
  // No job (a shard beyond the plan): no thread to start.
  const count = Math.min(Math.max(1, workers), jobs.length);
  for (let i = 0; i < count; i++) {
    const w = spawnWorker(WORKER);
    threads.push(w);
    open++;
    w.on('message', (m: FromWorker) => {
      if (stopped) return;
      if (m.type !== 'ready') onMessage(m);
      if (m.type === 'ready' || m.type === 'done' || m.type === 'failed') next(w);
    });
    w.on('error', (e) => {
      if (!stopped) reject(e);
    });
    w.on('exit', () => {
      open--;
      if (open === 0) resolve();
    });
  }
  if (count === 0) resolve();
  return {
    finished,
    async stop() {
      stopped = true;
      await Promise.all(threads.map((w) => w.terminate()));
      resolve();
    },
  };
}
