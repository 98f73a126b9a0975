// The parallel explore: worker threads (explore-worker.ts) each hold part
// of the frontier and expand it; this coordinator keeps the one set of seen
// states. Each depth, it merges the workers' successor keys in the
// single-threaded search's order (the state they came from, then the
// step), so the same states are new, get the same places, and the first
// violation is the same one: the result equals explore.ts's, counterexample
// included. New states are dealt round-robin by their place, so the workers
// share the next depth evenly; a worker hands the ones it does not keep to
// their worker directly.
import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import { ALL_CHECKS } from '../../check/checks.ts';
import { spawnWorker } from '../../check/pool/spawn-worker.ts';
import { type ExploreOptions, type ExploreResult, type ExploreStop, exploreResult } from '../explore.ts';
import type { Violation } from '../expand.ts';
import { exactSeenStates, hashedSeenStates, type SeenStates } from '../seen-states.ts';
import { type FromWorker, KEY_WIDTH, type ToWorker } from './messages.ts';

const WORKER = new URL(`./explore-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

type Expanded = Extract<FromWorker, { type: 'expanded' }>;

/** One worker's answers, as promises the coordinator awaits in turn. */
function channel(w: Worker): { send: (m: ToWorker, transfer?: readonly MessagePort[]) => void; next: () => Promise<FromWorker> } {
  const queue: FromWorker[] = [];
  const waiting: ((m: FromWorker) => void)[] = [];
  let failed: Error | undefined;
  const fail = (e: Error) => {
    failed = e;
    for (const resolve of waiting.splice(0)) resolve({ type: 'error', message: e.message });
  };
  w.on('message', (m: FromWorker) => {
    const resolve = waiting.shift();
    if (resolve) resolve(m);
    else queue.push(m);
  });
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`explore worker exited (code ${code})`)));
  return {
    send: (m, transfer = []) => w.postMessage(m, transfer as MessagePort[]),
    next: () => {
      const m = queue.shift();
      if (m !== undefined) return Promise.resolve(m);
      if (failed !== undefined) return Promise.resolve({ type: 'error', message: failed.message });
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
}

async function expect<T extends FromWorker['type']>(c: ReturnType<typeof channel>, type: T): Promise<Extract<FromWorker, { type: T }>> {
  const m = await c.next();
  if (m.type === 'error') throw new Error(`explore worker: ${m.message}`);
  if (m.type !== type) throw new Error(`explore worker: expected '${type}', got '${m.type}'`);
  return m as Extract<FromWorker, { type: T }>;
}

/** `load`: what a worker's loadProposal loads (the main thread has loaded and checked it). */
export async function explorePool(load: string, proposal: Parameters<typeof exploreResult>[0]['proposal'], options: ExploreOptions, workers: number): Promise<ExploreResult> {
  if (options.from !== undefined) throw new Error('explorePool: a search from a trace (options.from) runs single-threaded (explore)');
  const n = Math.max(1, workers);
  const checks = options.checks ?? ALL_CHECKS;
  const threads = Array.from({ length: n }, () => spawnWorker(WORKER));
  const channels = threads.map(channel);
  const seen: SeenStates = options.exact ? exactSeenStates() : hashedSeenStates();
  const startedAt = performance.now();
  const frontier = [1];
  let transitions = 0;
  let heapBytes = 0;
  let depth = 0;
  const finish = (stop: ExploreStop, completeDepth: number, partial?: number, violation?: Violation): ExploreResult =>
    exploreResult({
      proposal,
      options,
      checks,
      stop,
      completeDepth,
      depth,
      states: seen.size,
      transitions,
      elapsedMs: performance.now() - startedAt,
      frontier: partial === undefined ? frontier : [...frontier, partial],
      partial: partial !== undefined,
      seenBytes: seen.bytes,
      heapBytes,
      ...(violation === undefined ? {} : { violation }),
    });
  try {
    // Every pair of workers gets a channel of its own for the states they hand each other.
    const peers: (MessagePort | null)[][] = threads.map(() => threads.map(() => null));
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const { port1, port2 } = new MessageChannel();
        (peers[i] as (MessagePort | null)[])[j] = port1 as unknown as MessagePort;
        (peers[j] as (MessagePort | null)[])[i] = port2 as unknown as MessagePort;
      }
    const stopAt = new Int32Array(new SharedArrayBuffer(4));
    const setup = {
      load,
      bounds: options.bounds,
      ...(options.ops === undefined ? {} : { ops: options.ops }),
      ...(options.threads ? { threads: true } : {}),
      ...(options.threads && options.threadOps ? { threadOps: options.threadOps } : {}),
      ...(options.threads && options.por ? { por: true } : {}),
      checks,
      exact: options.exact === true,
      ...(options.hookTimeLimitMs === undefined ? {} : { hookTimeLimitMs: options.hookTimeLimitMs }),
    };
    channels.forEach((c, index) => {
      const ports = peers[index] ?? [];
      c.send(
        { type: 'init', setup: { ...setup, index }, peers: ports, stop: stopAt },
        ports.filter((p): p is MessagePort => p !== null),
      );
    });
    const ready = await Promise.all(channels.map((c) => expect(c, 'ready')));
    const first = ready[0];
    if (first?.start !== undefined) return finish('violation', 0, undefined, first.start);
    if (first !== undefined) seen.add(first.root);
    if (options.maxStates !== undefined && seen.size >= options.maxStates) return finish('max-states', 0);

    for (; depth < options.depth; depth++) {
      Atomics.store(stopAt, 0, 0x7fff_ffff);
      const last = depth === options.depth - 1;
      for (const c of channels) c.send({ type: 'expand', keep: !last });
      const answers = await Promise.all(channels.map((c) => expect(c, 'expanded')));
      heapBytes = Math.max(
        heapBytes,
        answers.reduce((sum, a) => sum + a.heapBytes, 0),
      );
      // The violation the single-threaded search meets first: the lowest (state, step).
      const violations = answers.flatMap((a) => (a.violation === undefined ? [] : [a.violation])).sort((a, b) => a.g - b.g || a.step - b.step);
      const firstViolation = violations[0];
      const before = (g: number, step: number) => firstViolation === undefined || g < firstViolation.g || (g === firstViolation.g && step < firstViolation.step);
      for (const a of answers) for (let i = 0; i < a.counts.length; i += 2) if (firstViolation === undefined || (a.counts[i] ?? 0) < firstViolation.g) transitions += a.counts[i + 1] ?? 0;
      if (firstViolation !== undefined) transitions += firstViolation.step + 1;
      // Merge in order and deal the new states out.
      const moves: number[][] = answers.map(() => []);
      const incoming: number[] = answers.map(() => 0);
      let reached = 0;
      let stop: ExploreStop | undefined;
      for (const { worker, at } of mergeOrder(answers)) {
        const a = answers[worker] as Expanded;
        const g = a.keys[at] ?? 0;
        const step = a.keys[at + 1] ?? 0;
        if (!before(g, step)) break;
        const isNew = options.exact ? seen.addKey(a.words?.[at / KEY_WIDTH] ?? '') : seen.addHash(a.keys[at + 2] ?? 0, a.keys[at + 3] ?? 0);
        if (!isNew) continue;
        const place = seen.size - 1;
        const owner = place % n;
        moves[worker]?.push(a.keys[at + 4] ?? 0, place, owner);
        if (owner !== worker) incoming[owner] = (incoming[owner] ?? 0) + 1;
        reached++;
        if (options.maxStates !== undefined && seen.size >= options.maxStates) {
          stop = 'max-states';
          break;
        }
      }
      if (firstViolation !== undefined) return finish('violation', depth, reached, firstViolation.violation);
      if (stop !== undefined) return finish(stop, depth, reached);
      // A worker that ran short of its own heap stopped part-way: complete only to this depth.
      if (answers.some((a) => a.full)) return finish('max-memory', depth, reached);
      // Past the limit with the depth whole: every trace one step longer was judged.
      if (options.maxMemoryBytes !== undefined && heapBytes > options.maxMemoryBytes) {
        frontier.push(reached);
        return finish('max-memory', depth + 1);
      }
      if (last) {
        // Counted, never expanded: nothing to hand out.
        frontier.push(reached);
        if (reached === 0) return finish('no-more-states', depth + 1);
        depth++;
        break;
      }
      for (const [i, c] of channels.entries()) c.send({ type: 'settle', moves: Float64Array.from(moves[i] ?? []), expect: incoming[i] ?? 0 });
      await Promise.all(channels.map((c) => expect(c, 'settled')));
      frontier.push(reached);
      options.onProgress?.({ depth, states: seen.size, transitions, elapsedMs: performance.now() - startedAt, frontier: [...frontier], partial: false });
      if (reached === 0) return finish('no-more-states', depth + 1);
    }
    return finish('complete', depth);
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
}

/** The successors of every worker in (state, step) order: a k-way merge of lists each already in that order. */
function* mergeOrder(answers: readonly Expanded[]): Generator<{ worker: number; at: number }> {
  const at = answers.map(() => 0);
  for (;;) {
    let best = -1;
    for (let w = 0; w < answers.length; w++) {
      const keys = answers[w]?.keys;
      const i = at[w] ?? 0;
      if (keys === undefined || i >= keys.length) continue;
      if (best < 0) {
        best = w;
        continue;
      }
      const bk = answers[best]?.keys as Float64Array;
      const bi = at[best] ?? 0;
      const g = keys[i] ?? 0;
      const bg = bk[bi] ?? 0;
      if (g < bg || (g === bg && (keys[i + 1] ?? 0) < (bk[bi + 1] ?? 0))) best = w;
    }
    if (best < 0) return;
    yield { worker: best, at: at[best] ?? 0 };
    at[best] = (at[best] ?? 0) + KEY_WIDTH;
  }
}
