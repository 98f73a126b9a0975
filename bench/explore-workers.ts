// The bench's explore speed-up at 1 and 2 workers (issue 11: "near-linear
// speed-up at 2 workers"): upstream at DEFAULT_BOUNDS (src/explore/bounds.ts),
// depth 3, a complete search of ~16,000 states, once single-threaded
// (explore) and once with worker threads (explorePool), each timed as wall
// time from the call to its result, in the bench's process:
//   - the pool's time includes starting its workers (each registers tsx and
//     loads the proposal) and ending them; the time to the first worker's
//     'ready' (and to the last's, when the search can begin) is observed by
//     wrapping Worker.prototype.emit for that one run (src/ is unchanged),
//     and the pool's time less the first 'ready' is reported beside it;
//   - states, transitions, frontier, stop and complete depth must be
//     identical (the pool's result equals explore's).
// Targets: single-threaded time / pool time ≥ 1.8 at 2 workers, start
// included, and again from the first 'ready'. About 15-30 s here (the
// single-threaded search is 10-15 s); one run each, so a busy machine moves
// it.
//
// Knob (read by bench/run.ts): BENCH_EXPLORE_WORKERS (the pool's worker
// count, default 2; 0 skips the section; the targets apply at 2). Not in the
// run's `settings`.
import { Worker } from 'node:worker_threads';
import { resolveBuiltin } from '../models/proposals/resolve-proposal.ts';
import { DEFAULT_BOUNDS, type ExploreBounds } from '../src/explore/bounds.ts';
import { describeBounds } from '../src/explore/describe-bounds.ts';
import { explore, type ExploreResult } from '../src/explore/explore.ts';
import { explorePool } from '../src/explore/pool/explore-pool.ts';
import { type ExploreOutcome, outcome } from './explore.ts';

export const EXPLORE_WORKERS_TARGET = 1.8;
const PROPOSAL = 'upstream';
const DEPTH = 3;

export interface ExploreWorkersBench {
  readonly proposal: string;
  readonly depth: number;
  readonly bounds: ExploreBounds;
  readonly workers: number;
  /** Wall ms of each search, call to result. */
  readonly single: ExploreOutcome & { readonly wallMs: number };
  readonly pool: ExploreOutcome & {
    readonly wallMs: number;
    /** ms from the call to the first worker's 'ready', and to the last's (absent: not observed). */
    readonly firstReadyMs?: number;
    readonly allReadyMs?: number;
  };
  /** states, transitions, frontier, stop and complete depth are the same. */
  readonly identical: boolean;
  /** Single-threaded wall time / the pool's. */
  readonly speedup: number;
  /** Single-threaded wall time / (the pool's less its first 'ready'). */
  readonly speedupFromReady?: number;
}

const n = (x: number): string => Math.round(x).toLocaleString('en-US');
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Times from `t0` of every 'ready' a worker thread sends while `run` runs. */
async function watchingReady<T>(run: () => Promise<T>): Promise<{ result: T; ready: number[] }> {
  const ready: number[] = [];
  const emit = Worker.prototype.emit;
  const t0 = performance.now();
  Worker.prototype.emit = function (this: Worker, event: string | symbol, ...args: unknown[]): boolean {
    const m = args[0] as { type?: unknown } | null | undefined;
    if (event === 'message' && typeof m === 'object' && m !== null && m.type === 'ready') ready.push(performance.now() - t0);
    return emit.call(this, event, ...args);
  };
  try {
    return { result: await run(), ready };
  } finally {
    Worker.prototype.emit = emit;
  }
}

const sameSearch = (a: ExploreResult, b: ExploreResult): boolean =>
  a.states === b.states && a.transitions === b.transitions && a.stop === b.stop && a.completeDepth === b.completeDepth && JSON.stringify(a.frontier) === JSON.stringify(b.frontier);

/** Runs the section, printing each line as it is measured. */
export async function exploreWorkersBench(workers: number, print: (line: string) => void = console.log): Promise<ExploreWorkersBench> {
  const proposal = resolveBuiltin(PROPOSAL);
  const options = { depth: DEPTH, bounds: DEFAULT_BOUNDS };
  print(`explore ${PROPOSAL}, depth ${DEPTH}, ${describeBounds(DEFAULT_BOUNDS)}: 1 thread, then ${workers} workers`);

  let started = performance.now();
  const one = explore(proposal, options);
  const singleMs = performance.now() - started;
  print(`  1 thread      ${s(singleMs).padStart(8)}  (${n(one.states)} states, ${n(one.transitions)} transitions, frontier ${one.frontier.join(' ')}, ${one.stop})`);

  started = performance.now();
  const { result: pooled, ready } = await watchingReady(() => explorePool(PROPOSAL, proposal, options, workers));
  const poolMs = performance.now() - started;
  const firstReadyMs = ready.length > 0 ? Math.min(...ready) : undefined;
  const allReadyMs = ready.length >= workers ? Math.max(...ready) : undefined;
  const readyNote = firstReadyMs === undefined ? "no 'ready' observed" : `first 'ready' at ${s(firstReadyMs)}${allReadyMs === undefined ? '' : `, last at ${s(allReadyMs)}`}`;
  print(
    `  ${`${workers} workers`.padEnd(13)} ${s(poolMs).padStart(8)}  (${n(pooled.states)} states, ${n(pooled.transitions)} transitions, frontier ${pooled.frontier.join(' ')}, ${pooled.stop}; ${readyNote})`,
  );

  const identical = sameSearch(one, pooled);
  const speedup = singleMs / poolMs;
  const speedupFromReady = firstReadyMs === undefined ? undefined : singleMs / (poolMs - firstReadyMs);
  print(
    `  states, transitions and frontier ${identical ? 'identical' : 'DIFFER'}; speed-up ${speedup.toFixed(2)}× with the workers' start${speedupFromReady === undefined ? '' : `, ${speedupFromReady.toFixed(2)}× from the first 'ready' (${s(poolMs - (firstReadyMs ?? 0))})`}`,
  );
  if (workers === 2) {
    const met = (x: number) => (x >= EXPLORE_WORKERS_TARGET ? 'met ' : 'MISS');
    print(`  ${met(speedup)} explore speed-up at 2 workers, start included (issue 11): ${speedup.toFixed(2)}× (wanted ≥ ${EXPLORE_WORKERS_TARGET}×)`);
    if (speedupFromReady !== undefined)
      print(`  ${met(speedupFromReady)} explore speed-up at 2 workers, from the first 'ready' (issue 11): ${speedupFromReady.toFixed(2)}× (wanted ≥ ${EXPLORE_WORKERS_TARGET}×)`);
  }
  return {
    proposal: PROPOSAL,
    depth: DEPTH,
    bounds: DEFAULT_BOUNDS,
    workers,
    single: { ...outcome(one), wallMs: singleMs },
    pool: { ...outcome(pooled), wallMs: poolMs, ...(firstReadyMs === undefined ? {} : { firstReadyMs }), ...(allReadyMs === undefined ? {} : { allReadyMs }) },
    identical,
    speedup,
    ...(speedupFromReady === undefined ? {} : { speedupFromReady }),
  };
}

/** The section of reports/bench.md. */
export function exploreWorkersMarkdown(e: ExploreWorkersBench): string[] {
  const row = (name: string, o: ExploreOutcome & { readonly wallMs: number }, extra: string) =>
    `| ${name} | ${s(o.wallMs)} | ${n(o.states)} | ${n(o.transitions)} | ${o.frontier.join(' ')} | ${o.stop} | ${extra} |`;
  const p = e.pool;
  return [
    `## Explore at 1 and ${e.workers} workers (issue 11)`,
    '',
    `${e.proposal}, depth ${e.depth}, ${describeBounds(e.bounds)}; wall time, call to result (the pool's includes starting and ending its workers).`,
    '',
    '| run | wall | states | transitions | frontier | stop | workers ready |',
    '| --- | ---: | ---: | ---: | --- | --- | --- |',
    row('1 thread', e.single, ''),
    row(`${e.workers} workers`, p, p.firstReadyMs === undefined ? 'not observed' : `first ${s(p.firstReadyMs)}${p.allReadyMs === undefined ? '' : `, last ${s(p.allReadyMs)}`}`),
    '',
    `States, transitions and frontier ${e.identical ? 'identical' : '**differ**'}. Speed-up ${e.speedup.toFixed(2)}× with the workers' start${e.speedupFromReady === undefined ? '' : `, ${e.speedupFromReady.toFixed(2)}× from the first 'ready'`}.`,
    '',
  ];
}
