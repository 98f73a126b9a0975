// The shape of an invariant: an id, a one-line statement in the kernel's
// words, the kernel functions that guard it, and the predicate. The id is the
// same in messages, reports, README and test titles.
import type { ZdEvent } from '../events.ts';
import type { OpArgs, OpName, OpResult } from '../ops.ts';
import type { View } from '../view.ts';

export const INVARIANT_IDS = [
  'refcount-expected',
  'free-once',
  'no-use-after-free',
  'no-longterm-pin-coherent',
  'coherent-evictable',
  'private-not-cpu-mapped',
  'pinned-not-migrated',
  'memcg-charge-conserved',
  'memcg-target',
  'memory-failure-contract',
  'data-preserved',
  'device-not-on-lru',
  'pgmap-ref-balanced',
  'owner-isolation',
] as const;
export type InvariantId = (typeof INVARIANT_IDS)[number];

/** The step that led to `after`: what ran, what it returned, what it reported. */
export interface StepContext {
  readonly op: OpName;
  readonly args: OpArgs[OpName];
  readonly result: OpResult;
  readonly events: readonly ZdEvent[];
}

export interface Invariant {
  readonly id: InvariantId;
  readonly statement: string;
  /** Kernel functions that keep it true (file: function). */
  readonly guards: readonly string[];
  /**
   * Violations found, as messages naming the frames/handles involved; empty
   * when it holds. `before` and `step` are absent for the initial state;
   * transitional invariants judge only states reached by a step.
   */
  check(after: View, before?: View, step?: StepContext): readonly string[];
}
