// What `runTrace` returns: per step, what the kernel did, what the reference
// allowed and every check that failed; the failures in order; and, for the
// first failure, the kernel views around it so a report can show the frames.
import type { EraName } from '../../models/eras/era.ts';
import type { ZdEvent } from '../../models/events.ts';
import type { Outcome } from '../../models/model.ts';
import type { OpResult } from '../../models/ops.ts';
import type { View } from '../../models/view.ts';
import type { InvariantId } from '../../models/invariants/invariant.ts';
import type { TraceStep } from '../trace/trace.ts';
import type { InvariantFinding, Side } from './pair-types.ts';

export interface StepRecord {
  /** Index into the trace's steps (0-based). */
  readonly index: number;
  readonly step: TraceStep;
  readonly note?: string;
  /** Absent when the proposal crashed during this step. */
  readonly kernel?: { readonly result: OpResult; readonly events: readonly ZdEvent[] };
  /** The results of the reference's allowed outcomes. */
  readonly allowed: readonly OpResult[];
  /** A thread's step left it paused after this interleaving point (no result yet). */
  readonly paused?: string;
  /** Run inside a concurrent stretch: the reference is asked when the stretch ends (linearizability), not at this step. */
  readonly concurrent?: true;
  readonly refinement?: string;
  /** Expectation mismatches (empty when `expect` held or was absent). */
  readonly expect: readonly string[];
  /** Violated invariants only. */
  readonly invariants: readonly InvariantFinding[];
}

export type FailureKind = 'expect' | 'invariant' | 'refinement' | 'proposal-crashed' | 'proposal-timeout' | 'proposal-bad-return' | 'specification-crashed';

export interface Failure {
  /** The step index; -1 for the initial state. */
  readonly step: number;
  readonly kind: FailureKind;
  readonly id?: InvariantId;
  readonly side?: Side;
  readonly message: string;
}

/** The kernel views around the first failing step and the reference's outcomes there. */
export interface FailureEvidence {
  readonly step: number;
  readonly before: View;
  readonly after: View;
  readonly allowed: readonly Outcome[];
}

export interface RunReport {
  readonly proposal: string;
  readonly era: EraName;
  readonly ok: boolean;
  readonly steps: readonly StepRecord[];
  readonly failures: readonly Failure[];
  /** Not part of the JSON output (views are large): for text reports. */
  readonly evidence?: FailureEvidence;
}
