// The two implementations of the operations, seen from the harness. They
// share no code: the refinement check (src/) is all that joins them.
import type { Era } from './eras/era.ts';
import type { ZdEvent } from './events.ts';
import type { OpResult, Step } from './ops.ts';
import type { AbsState } from './state.ts';
import type { View } from './view.ts';
import type { DeriveFrom } from './derive/derive-view.ts';

/** One allowed outcome of an operation. */
export interface Outcome {
  readonly result: OpResult;
  readonly state: AbsState;
  readonly events: readonly ZdEvent[];
}

/** The specification (models/reference/): the set of allowed outcomes. */
export interface Specification {
  init(era: Era): AbsState;
  /** Every allowed outcome; never empty. */
  step(era: Era, state: AbsState, step: Step): readonly Outcome[];
  /**
   * The view of `state`. `from`: the view of the state a step started from
   * and the frames the step touched; the frames outside it keep that view's
   * counters (derive-view.ts).
   */
  view(era: Era, state: AbsState, from?: DeriveFrom): View;
}

/**
 * A saved kernel model state: plain data (structured cloning carries it to
 * another thread), read only by an instance of the same era and hooks.
 */
export interface KernelSnapshot {
  readonly kernelSnapshot: unique symbol;
}

/** Where a thread is after a start or a resume: done with its result, or paused after an interleaving point. */
export type ThreadProgress = { readonly done: true; readonly result: OpResult } | { readonly done: false; readonly label: string };

/** What starting or resuming a thread did. */
export interface ThreadApplied {
  readonly progress: ThreadProgress;
  readonly events: readonly ZdEvent[];
}

/** One running kernel model (models/kernel/), with a proposal's hooks. */
export interface KernelInstance {
  apply(step: Step): { readonly result: OpResult; readonly events: readonly ZdEvent[] };
  /** abstract(kernelState): what the refinement check compares. */
  abstract(): AbsState;
  view(): View;
  /** A copy of the whole state (zdspec explore returns to each state it expands). */
  save(): KernelSnapshot;
  /**
   * Continue from a saved state; the snapshot stays valid for further
   * restores. `view`: that state's own view, where the caller kept it: the
   * next abstraction then reuses its unchanged objects (abstract.ts compares
   * contents, so any earlier view is sound; the restored state's is the one
   * that shares most, and the one the reference side of a pair holds).
   */
  restore(snapshot: KernelSnapshot, view?: View): void;
  /** The whole state as numbers in canonical order: equal states, equal words. */
  stateWords(): number[];
  /**
   * Threads (issue 12; a model without them leaves these out): start `step`
   * as thread `id`, which runs to its first interleaving point or its end;
   * resume a paused thread; the paused ones, by id, with their points.
   */
  startThread?(id: string, step: Step): ThreadApplied;
  resumeThread?(id: string): ThreadApplied;
  pausedThreads?(): readonly { readonly id: string; readonly label: string }[];
  /** The pages paused threads hold a reference on, each with its thread's process number. */
  threadRefs?(): readonly { readonly pfn: number; readonly proc: number }[];
  /** The paused thread `step` would wait for (it is not enabled until that thread goes on), if any. */
  blockedBy?(step: Step): string | undefined;
}
