// A worker thread of the parallel explore (explore-pool.ts): holds part of
// the frontier, expands it when told (expand.ts, as the single-threaded
// search does), reports each successor's key in breadth-first order, keeps
// the successors until the coordinator says which are new and who expands
// them, and hands those to their workers directly.
import { getHeapStatistics } from 'node:v8';
import { type MessagePort, parentPort } from 'node:worker_threads';
import { checkSet, invariantsOf } from '../../check/checks.ts';
import { judgeStart } from '../../check/judge.ts';
import { loadProposal } from '../../proposals/load-proposal.ts';
import { guardProcess } from '../../proposals/process-guard.ts';
import { createPair } from '../../runner/create-pair.ts';
import { type ExpandContext, expandState, type Violation } from '../expand.ts';
import { hashWords } from '../hash-words.ts';
import { exactSeenStates, hashedSeenStates, type SeenStates } from '../seen-states.ts';
import type { FromWorker, HeldState, PeerStates, ToWorker, WorkerSetup } from './messages.ts';

const port = parentPort;
if (port === null) throw new Error('explore-worker: not in a worker thread');
// Proposal hooks run here: process.exit in one must not end the thread silently.
guardProcess();
const post = (m: FromWorker) => port.postMessage(m);

let ctx: ExpandContext | undefined;
let setup: WorkerSetup | undefined;
let peers: readonly (MessagePort | null)[] = [];
let stopAt: Int32Array<ArrayBufferLike> = new Int32Array(1);
let held: HeldState[] = [];
let next: HeldState[] = [];
let pending: HeldState[] = [];
let incoming = 0;
let expected = -1;
// Keys this worker already reported or held: a state it reaches twice is reported once.
let local: SeenStates = hashedSeenStates();
const heapAtStart = process.memoryUsage().heapUsed;
/** 70% of this thread's heap: past it, a worker stops expanding (the coordinator reports max-memory). */
const HEAP_LIMIT = 0.7 * getHeapStatistics().heap_size_limit;

function maybeSettled(): void {
  if (expected < 0 || incoming < expected) return;
  expected = -1;
  incoming = 0;
  held = next.sort((a, b) => a.g - b.g);
  next = [];
  pending = [];
  post({ type: 'settled' });
}

function onPeer(m: PeerStates): void {
  next.push(...m.states);
  incoming += m.states.length;
  maybeSettled();
}

async function init(s: WorkerSetup, ports: readonly (MessagePort | null)[], stop: Int32Array): Promise<void> {
  setup = s;
  stopAt = stop;
  peers = ports;
  if (s.exact) local = exactSeenStates();
  for (const p of ports) p?.on('message', onPeer);
  const proposal = await loadProposal(s.load, { preload: false });
  const checks = checkSet(s.checks);
  const pair = createPair(proposal, { invariants: invariantsOf(s.checks), sides: 'both' });
  ctx = {
    pair,
    era: proposal.era,
    bounds: s.bounds,
    ...(s.ops === undefined ? {} : { ops: s.ops }),
    ...(s.threads ? { threads: true } : {}),
    ...(s.threadOps ? { threadOps: s.threadOps } : {}),
    ...(s.por ? { por: true } : {}),
    checks,
    ...(s.hookTimeLimitMs === undefined ? {} : { hookTimeLimitMs: s.hookTimeLimitMs }),
  };
  const root = pair.stateWords();
  local.add(root);
  const start = judgeStart(pair.start, checks);
  if (s.index === 0) held = [{ g: 0, path: [], snapshot: pair.save() }];
  post({ type: 'ready', root, ...(start === undefined ? {} : { start: { finding: start, steps: [] } }) });
}

function expand(keep: boolean): void {
  if (ctx === undefined || setup === undefined) throw new Error('explore-worker: expand before init');
  const keys: number[] = [];
  const words: string[] = [];
  const counts: number[] = [];
  let found: { g: number; step: number; violation: Violation } | undefined;
  let full = false;
  for (const [i, node] of held.entries()) {
    // Another worker found a violation from an earlier state: nothing after it counts.
    if (node.g > Atomics.load(stopAt, 0)) break;
    // Out of room in this thread's own heap: stop cleanly, never die of it.
    if (i % 64 === 0 && process.memoryUsage().heapUsed > HEAP_LIMIT) {
      full = true;
      break;
    }
    const from = { ...(node.preStart === undefined ? {} : { preStart: node.preStart }), leaf: !keep };
    const expanded = expandState(
      ctx,
      node.snapshot,
      node.path,
      (w, ran, step, save, preStart) => {
        if (!local.add(w)) return;
        const { hi, lo } = hashWords(w);
        keys.push(node.g, step, hi, lo, pending.length);
        if (setup?.exact) words.push(w.join(','));
        if (keep) pending.push({ g: -1, path: [...node.path, ran], snapshot: save(), ...(preStart === undefined || !ctx?.por ? {} : { preStart }) });
      },
      from,
    );
    counts.push(node.g, expanded.transitions);
    if (expanded.violation !== undefined) {
      found = { g: node.g, step: expanded.transitions - 1, violation: expanded.violation };
      // Lower the shared stop to this state's place unless a lower one is there.
      for (let cur = Atomics.load(stopAt, 0); node.g < cur; cur = Atomics.load(stopAt, 0)) if (Atomics.compareExchange(stopAt, 0, cur, node.g) === cur) break;
      break;
    }
  }
  post({
    type: 'expanded',
    keys: Float64Array.from(keys),
    ...(setup.exact ? { words } : {}),
    counts: Float64Array.from(counts),
    ...(found === undefined ? {} : { violation: found }),
    heapBytes: process.memoryUsage().heapUsed - heapAtStart,
    full,
  });
}

function settle(moves: Float64Array, expect: number): void {
  const out = new Map<number, HeldState[]>();
  const me = setup?.index ?? 0;
  for (let i = 0; i < moves.length; i += 3) {
    const state = pending[moves[i] ?? -1];
    if (state === undefined) throw new Error('explore-worker: a move names no pending state');
    const moved = { ...state, g: moves[i + 1] ?? -1 };
    const owner = moves[i + 2] ?? me;
    if (owner === me) next.push(moved);
    else {
      let list = out.get(owner);
      if (list === undefined) out.set(owner, (list = []));
      list.push(moved);
    }
  }
  for (const [owner, states] of out) peers[owner]?.postMessage({ states } satisfies PeerStates);
  expected = expect;
  maybeSettled();
}

port.on('message', (m: ToWorker) => {
  try {
    if (m.type === 'init') void init(m.setup, m.peers, m.stop).catch((e: unknown) => post({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) }));
    else if (m.type === 'expand') expand(m.keep);
    else settle(m.moves, m.expect);
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
