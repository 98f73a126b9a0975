// The kernel model and the reference stepping together (DESIGN §3, §6):
// what one step of the pair produces. Shared by `zdspec run` (runTrace) and
// the fast-check checker, so neither duplicates the refinement loop.
import type { ZdEvent } from '../../models/events.ts';
import type { Outcome, ThreadProgress } from '../../models/model.ts';
import type { OpResult, Step } from '../../models/ops.ts';
import type { View } from '../../models/view.ts';
import type { InvariantId } from '../../models/invariants/invariant.ts';

export type Side = 'kernel' | 'reference';

/** A violated invariant on one side; `messages` is never empty. */
export interface InvariantFinding {
  readonly side: Side;
  readonly id: InvariantId;
  /** The clauses that failed, in the order they were found. */
  readonly clauses: readonly string[];
  /** One per violation, "clause: message". */
  readonly messages: readonly string[];
}

/**
 * Something went wrong that ends the run: a proposal hook (or the kernel
 * model) threw during apply, a proposal hook returned something that is not
 * its decision, or the reference threw.
 */
export type Crash = { readonly in: 'proposal'; readonly fault: 'proposal-crashed' | 'proposal-bad-return'; readonly message: string } | { readonly in: 'reference'; readonly message: string };

export interface PairOptions {
  /** Invariants to evaluate (default: all). */
  readonly invariants?: readonly InvariantId[];
  /** 'kernel' skips the reference-side invariants (faster; the spec is checked elsewhere). */
  readonly sides?: 'both' | 'kernel';
  /**
   * Judge every invariant on every frame at every step, on both sides: the
   * reference side on its own view even where the two views agree and the
   * kernel side's verdicts would do (views-agree.ts), and the per-frame
   * rules on every frame, not only the ones the step touched
   * (models/invariants/touched.ts). `--full-invariants`, and the test that
   * both modes give the same findings.
   */
  readonly fullInvariants?: boolean;
}

export interface PairStep {
  readonly step: Step;
  /**
   * Run while a thread was paused (issue 12): its refinement is judged with
   * the concurrent stretch's linearizability when the last thread ends, and
   * only the invariants' 'always' clauses here.
   */
  readonly concurrent?: true;
  /** A thread's step (Step.thread) that left it paused after this interleaving point: no result yet, `kernel` absent. */
  readonly paused?: string;
  /** What the kernel model did; absent when it crashed. */
  readonly kernel?: { readonly result: OpResult; readonly events: readonly ZdEvent[] };
  readonly crash?: Crash;
  /** The reference's allowed outcomes (empty when the kernel crashed first). */
  readonly allowed: readonly Outcome[];
  /** Which allowed outcome the kernel matched; absent on a refinement failure. */
  readonly matched?: number;
  /** Why the kernel's result/state is none of the allowed outcomes. */
  readonly refinement?: string;
  readonly invariants: readonly InvariantFinding[];
  /** Kernel views around the step, for frame diffs in reports. */
  readonly before: View;
  readonly after: View;
}

/** A thread started or resumed (issue 12): how far it got, and the checks at that point. */
export interface PairThreadStep {
  readonly thread: string;
  readonly kind: 'start' | 'resume';
  /** The operation the thread runs. */
  readonly step: Step;
  /** Absent when the kernel model crashed. */
  readonly progress?: ThreadProgress;
  readonly events: readonly ZdEvent[];
  readonly crash?: Crash;
  /** The concurrent stretch ended here and no order of it is a run of the reference (ConcurrentStretch). */
  readonly refinement?: string;
  /** The stretch ended here and is linearizable: the order that explains it. */
  readonly linearized?: readonly Step[];
  /** At a point where a thread is still paused, the 'always' clauses only. */
  readonly invariants: readonly InvariantFinding[];
  readonly before: View;
  readonly after: View;
}

/** Checks of the initial states, before any step. */
export interface PairStart {
  readonly refinement?: string;
  readonly invariants: readonly InvariantFinding[];
}

/** Where a pair is: its kernel state, its reference state and their views (Pair.save). */
export interface PairSnapshot {
  readonly pairSnapshot: unique symbol;
}

export interface Pair {
  readonly start: PairStart;
  /**
   * The pair as it is now, to come back to (zdspec explore: each state is
   * expanded once, step by step). `withViews` keeps the views too: a larger
   * snapshot that restores without recomputing them.
   */
  save(withViews?: boolean): PairSnapshot;
  /** Continue from a saved point; the snapshot can be restored again. Refused after a crash. */
  restore(snapshot: PairSnapshot): void;
  /** The kernel model's state in canonical words (KernelInstance.stateWords). */
  stateWords(): number[];
  /** The concurrent stretch in progress as data equal for stretches judged alike (explore keys states by it too); undefined outside one. */
  stretchKey(): unknown;
  /**
   * Runs one step on both sides. After a crash, further steps are refused
   * (they throw). A step marked with a thread (Step.thread, issue 12)
   * starts or resumes that thread instead: refused (it throws) for a model
   * without threads, and for an id that is running (start) or not (resume).
   */
  step(step: Step): PairStep;
  /** The threads paused now, each with the step it runs. */
  pausedThreads(): readonly { readonly id: string; readonly label: string; readonly step: Step }[];
  /** The paused thread `step` would wait for (KernelInstance.blockedBy); step() refuses such a step. */
  blockedBy(step: Step): string | undefined;
  readonly crashed: boolean;
  kernelView(): View;
  referenceView(): View;
}
