// The shape of an invariant: an id, a one-line statement in the kernel's
// words, the kernel functions that guard it, its named clauses and the
// predicate. The id is the same in messages, reports, README and test
// titles. Invariants are stated from first principles — memory type names,
// PTE kinds, counters and the era's declared facts — and never read the
// per-type table of the models, the default hooks or the
// reference's derivations: a judge that shared the models' oracle could not
// see the models' mistakes.
import type { ZdEvent } from '../events.ts';
import type { OpArgs, OpName, OpResult } from '../ops.ts';
import type { View } from '../view.ts';
import type { Pfn } from '../vocabulary.ts';

/**
 * In judge order: when several fail after the same step, the first named
 * here is the one a counterexample reports, so the specific rules come
 * first and the counting rules — which notice almost any mistake, least
 * precisely — last.
 */
export const INVARIANT_IDS = [
  'private-not-cpu-mapped',
  'no-longterm-pin-coherent',
  'gup-contract',
  'owner-isolation',
  'pinned-not-migrated',
  'data-preserved',
  'dax-layout-idle',
  'memory-failure-contract',
  'memcg-target',
  'device-not-on-lru',
  'coherent-evictable',
  'no-use-after-free',
  'free-once',
  'memcg-charge-conserved',
  'pgmap-ref-balanced',
  'refcount-expected',
] as const;
export type InvariantId = (typeof INVARIANT_IDS)[number];

/** The step that led to `after`: what ran, what it returned, what it reported. */
export interface StepContext {
  readonly op: OpName;
  readonly args: OpArgs[OpName];
  readonly result: OpResult;
  readonly events: readonly ZdEvent[];
  /**
   * The frames the step touched (touched.ts), ascending, when the state
   * before it broke no rule: a per-frame rule need judge only these
   * (frame-scope.ts). Absent: judge every frame.
   */
  readonly touched?: readonly Pfn[];
}

/** One named part of an invariant's rule. */
export interface Clause {
  readonly id: string;
  readonly statement: string;
  /**
   * 'kernel' for a clause whose reference side could only restate the
   * reference's own derivation (the reference keeps no counter of its own
   * there): it is judged on the kernel model only.
   */
  readonly sides?: 'both' | 'kernel';
  /**
   * 'always': the clause holds at every interleaving point too, while a
   * thread is paused mid-operation (issue 12). Absent: only when no thread
   * is in flight — a paused thread's own references and half-done updates
   * are nobody's in the state's accounting until it finishes.
   */
  readonly when?: 'always';
}

export interface Violation {
  readonly clause: string;
  /** Names the frames and handles involved. */
  readonly message: string;
}

export interface Invariant {
  readonly id: InvariantId;
  readonly statement: string;
  /** Kernel functions that keep it true (file: function). */
  readonly guards: readonly string[];
  readonly clauses: readonly Clause[];
  /**
   * Violations found; empty when it holds. `before` and `step` are absent
   * for the initial state; transitional clauses judge only states reached
   * by a step.
   */
  check(after: View, before?: View, step?: StepContext): readonly Violation[];
  /**
   * Could `check` have failed here: the state (and step) holds what the rule
   * is about — a premise stated from the same first principles, true
   * whenever some clause fails (properties/invariants/applies.test.ts).
   * Semantic coverage counts how often it is true (a judge that never
   * applied proved nothing). Cheap: no copies, no messages.
   */
  applies?(after: View, before?: View, step?: StepContext): boolean;
}

/** A violation of `clause` (an id of the invariant's own clauses). */
export const violation = (clause: string, message: string): Violation => ({ clause, message });
