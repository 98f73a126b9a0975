// Expanding one state: every enabled step from it, each judged (refinement
// and the selected invariants, judge.ts) and keyed. The single-threaded
// search (explore.ts) and each worker thread of the parallel one
// (pool/explore-worker.ts) expand states with this, in the same order, so
// both reach the same states and the same first violation.
import type { Era } from '../../models/eras/era.ts';
import type { OpName, Step } from '../../models/ops.ts';
import { RunTimeout, runWithTimeLimit } from '../check/guard.ts';
import { DEFAULT_HANG_BASE_MS, hangLimitMs } from '../check/hang-limit.ts';
import { formatCallOnly } from '../trace/format-call.ts';
import { type CheckId, type Finding, type RanStep, ranStep } from '../check/failure.ts';
import { judgeStep } from '../check/judge.ts';
import type { Pair, PairSnapshot, PairStep } from '../runner/pair-types.ts';
import { commutesWithStart } from './commutes-with-start.ts';
import type { ExploreBounds } from './bounds.ts';
import { enabledSteps } from './enabled-steps.ts';
import { stableJson } from './stable-json.ts';
import { threadSteps } from './thread-steps.ts';

export interface ExpandContext {
  readonly pair: Pair;
  readonly era: Era;
  readonly bounds: ExploreBounds;
  readonly ops?: readonly OpName[];
  /** With the thread steps (thread-steps.ts). */
  readonly threads?: boolean;
  /** With the thread steps: the operations that start as t1 (all that can, when absent). */
  readonly threadOps?: readonly OpName[];
  /** With the thread steps, prune the first main step after a start that commutes with it (commutes-with-start.ts). */
  readonly por?: boolean;
  readonly checks: ReadonlySet<CheckId>;
  /** The hang limit's base (hang-limit.ts): a state's steps hang past base + 25 ms each. */
  readonly hookTimeLimitMs?: number;
}

export interface Violation {
  readonly finding: Finding;
  readonly steps: readonly RanStep[];
}

/** What a successor is given besides its words: a start that paused has the state before it (`preStart`, for the reduction). */
export type OnSuccessor = (words: number[], ran: RanStep, stepIndex: number, save: () => PairSnapshot, preStart: PairSnapshot | undefined) => void;

/**
 * How the state being expanded was reached, for the reduction (ctx.por):
 * `preStart` — by a start that paused, from this state; `leaf` — its
 * successors are only counted, never expanded (so pruning saves nothing).
 */
export interface ExpandFrom {
  readonly preStart?: PairSnapshot;
  readonly leaf?: boolean;
}

/**
 * Tries every enabled step from the state `snapshot` (reached by `path`).
 * For each step that breaks no check, `onSuccessor` gets the new state's
 * words and the step; it may call `save` for a snapshot of that state. Ends
 * at the first violation, which it returns; `transitions` counts the steps
 * tried, the violating one included. With ctx.por, a step pruned by the
 * reduction is tried (and judged) but passed to no `onSuccessor`.
 */
export function expandState(ctx: ExpandContext, snapshot: PairSnapshot, path: readonly RanStep[], onSuccessor: OnSuccessor, from: ExpandFrom = {}): { transitions: number; violation?: Violation } {
  const { pair } = ctx;
  pair.restore(snapshot);
  const here = pair.save(true);
  const state = pair.kernelView().state;
  const paused = ctx.threads ? pair.pausedThreads() : [];
  const atomic = enabledSteps(
    state,
    ctx.era,
    ctx.bounds,
    ctx.ops,
    paused.map((t) => t.step),
  );
  const steps = ctx.threads ? threadSteps(pair, atomic, ctx.threadOps) : atomic;
  const save = () => pair.save();
  // A hook that never returns is a finding, as in check: the steps of one
  // state run under the hang limit of that many steps. A restarted attempt
  // (the thread was kept off the CPU) reaches the same successors again, and
  // the callers' sets drop the ones the first attempt already took.
  let current = 0;
  try {
    const prune = ctx.por && from.preStart !== undefined && !from.leaf ? pruner(pair, from.preStart) : undefined;
    return runWithTimeLimit(hangLimitMs(ctx.hookTimeLimitMs ?? DEFAULT_HANG_BASE_MS, steps.length * (prune ? 3 : 1)), () =>
      tryAll(ctx, { here, snapshot, steps, path, onSuccessor, save, prune }, (i) => (current = i)),
    );
  } catch (e) {
    if (!(e instanceof RunTimeout)) throw e;
    const step = steps[current];
    const message = e.explain(step === undefined ? 'expanding a state' : `in ${formatCallOnly(step)}`);
    return {
      transitions: current + 1,
      violation: { finding: { kind: 'proposal-timeout', check: 'proposal-timeout', stepIndex: path.length, message }, steps: step === undefined ? [...path] : [...path, { step }] },
    };
  }
}

/** The reduction at a state a start just paused in: does this main step commute with that start (then it is not searched here). */
function pruner(pair: Pair, preStart: PairSnapshot): ((step: Step, rec: PairStep, words: readonly number[]) => boolean) | undefined {
  const [paused, ...others] = pair.pausedThreads();
  if (paused === undefined || others.length > 0) return undefined;
  return (step, rec, words) => step.thread === undefined && commutesWithStart(pair, preStart, paused, step, rec, words);
}

interface Expansion {
  readonly here: PairSnapshot;
  /** The state as given (a successor that is a start gets it as its preStart). */
  readonly snapshot: PairSnapshot;
  readonly steps: readonly Step[];
  readonly path: readonly RanStep[];
  readonly onSuccessor: OnSuccessor;
  readonly save: () => PairSnapshot;
  readonly prune: ((step: Step, rec: PairStep, words: readonly number[]) => boolean) | undefined;
}

function tryAll(ctx: ExpandContext, x: Expansion, at: (i: number) => void): { transitions: number; violation?: Violation } {
  const { pair } = ctx;
  const { here, steps, path, onSuccessor, save, prune } = x;
  for (const [i, step] of steps.entries()) {
    at(i);
    pair.restore(here);
    const rec = pair.step(step);
    const ran = ranStep(step, rec);
    const finding = judgeStep(rec, ctx.checks, path.length);
    if (finding !== undefined) return { transitions: i + 1, violation: { finding, steps: [...path, ran] } };
    // Refinement not among the checks and this step failed it: the two sides
    // have parted, so the reference's state is part of the key too.
    const words = pair.stateWords();
    const kernelWords = words.length;
    if (rec.refinement !== undefined) words.push(-99, ...stableJson(pair.referenceView().state));
    // Inside a concurrent stretch its history decides the verdict at its end: part of the key.
    const stretch = pair.stretchKey();
    if (stretch !== undefined) words.push(-98, ...stableJson(stretch));
    const startPaused = step.thread?.kind === 'start' && rec.paused !== undefined;
    if (prune !== undefined && rec.refinement === undefined) {
      // The pruner runs other steps: the successor's snapshot is taken first.
      const snap = save();
      if (prune(step, rec, words.slice(0, kernelWords))) continue;
      onSuccessor(words, ran, i, () => snap, undefined);
      continue;
    }
    onSuccessor(words, ran, i, save, startPaused ? x.snapshot : undefined);
  }
  return { transitions: steps.length };
}
