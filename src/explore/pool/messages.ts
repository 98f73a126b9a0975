// The messages of the parallel explore (explore-pool.ts ↔ explore-worker.ts,
// and worker ↔ worker). Keys travel packed in Float64Arrays, five numbers a
// successor: the global index of the state it came from, the step's index
// among that state's enabled steps, the two 32-bit halves of its hash, and
// where the worker keeps it until the coordinator says who expands it.
import type { MessagePort } from 'node:worker_threads';
import type { OpName } from '../../../models/ops.ts';
import type { SelectableCheck } from '../../check/checks.ts';
import type { RanStep } from '../../check/failure.ts';
import type { PairSnapshot } from '../../runner/pair-types.ts';
import type { ExploreBounds } from '../bounds.ts';
import type { Violation } from '../expand.ts';

export interface WorkerSetup {
  /** What loadProposal loads (a built-in's name, a mutant, a file's absolute path). */
  readonly load: string;
  readonly index: number;
  readonly bounds: ExploreBounds;
  readonly ops?: readonly OpName[];
  readonly threads?: boolean;
  readonly threadOps?: readonly OpName[];
  readonly por?: boolean;
  readonly checks: readonly SelectableCheck[];
  readonly exact: boolean;
  readonly hookTimeLimitMs?: number;
}

export const KEY_WIDTH = 5;

/** A state a worker holds for the next depth: its place in the breadth-first order, how it was reached. */
export interface HeldState {
  readonly g: number;
  readonly path: readonly RanStep[];
  readonly snapshot: PairSnapshot;
  /** Reached by a start that paused: the state it started from (the reduction, commutes-with-start.ts). */
  readonly preStart?: PairSnapshot;
}

export type ToWorker =
  /**
   * stop: one Int32 shared by every worker, the lowest place of a state a
   * violation was found from in this depth (2³¹ - 1: none yet); a worker
   * passes no state after it, since the search ends there anyway.
   */
  | { readonly type: 'init'; readonly setup: WorkerSetup; readonly peers: readonly (MessagePort | null)[]; readonly stop: Int32Array<ArrayBufferLike> }
  /** keep: the successors will be expanded (false at the last depth: only counted, so no snapshot is made). */
  | { readonly type: 'expand'; readonly keep: boolean }
  /** moves: [pending, g, owner] triples, in order; expect: how many states other workers send this one. */
  | { readonly type: 'settle'; readonly moves: Float64Array; readonly expect: number };

export type FromWorker =
  | { readonly type: 'ready'; readonly root: number[]; readonly start?: Violation }
  | {
      readonly type: 'expanded';
      readonly keys: Float64Array;
      /** --exact: each successor's whole words, in the order of keys. */
      readonly words?: readonly string[];
      /** [g, transitions] pairs: the steps tried from each state it expanded. */
      readonly counts: Float64Array;
      /** Its first violation, with the place (g, step) that orders it among the others'. */
      readonly violation?: { readonly g: number; readonly step: number; readonly violation: Violation };
      readonly heapBytes: number;
      /** It stopped part-way: its heap passed 70% of its own limit. */
      readonly full: boolean;
    }
  | { readonly type: 'settled' }
  | { readonly type: 'error'; readonly message: string };

/** Between workers: states another worker reached that this one expands next. */
export interface PeerStates {
  readonly states: readonly HeldState[];
}
