// A failed check inside a fast-check run. Thrown by a command's run() so
// fast-check records it and shrinks; carries the concrete steps that ran so
// the shrunk counterexample is known without re-running fast-check.
import type { OpResult, Step } from '../../models/ops.ts';
import type { InvariantId } from '../../models/invariants/invariant.ts';

/**
 * What failed: an invariant (by id), the refinement check, or the proposal's
 * own code (a hook threw, or did not return in time).
 */
export type FindingKind = 'invariant' | 'refinement' | ProposalFault | 'specification-crashed';

/**
 * The proposal's own code misbehaved: a hook threw (or ended the process),
 * did not return in time, or returned something that is not the decision
 * its kernel function makes. Always reported; nothing after it can run.
 */
export type ProposalFault = 'proposal-crashed' | 'proposal-timeout' | 'proposal-bad-return';
export const PROPOSAL_FAULTS: readonly ProposalFault[] = ['proposal-crashed', 'proposal-timeout', 'proposal-bad-return'];
export const isProposalFault = (check: string): check is ProposalFault => (PROPOSAL_FAULTS as readonly string[]).includes(check);

/**
 * Checks that end a search: nothing after them can run. A proposal fault,
 * or the specification itself threw (a bug in zdspec's reference, never
 * reported as the proposal's refinement failure).
 */
export const STOPPING_CHECKS: readonly CheckId[] = [...PROPOSAL_FAULTS, 'specification-crashed'];
export const endsSearch = (check: string): boolean => (STOPPING_CHECKS as readonly string[]).includes(check);

/** The check named in reports and in `findViolations`: an invariant id or a kind. */
export type CheckId = InvariantId | 'refinement' | ProposalFault | 'specification-crashed';

export interface RanStep {
  readonly step: Step;
  /** Absent when the step did not finish (the hook crashed or hung in it, or its thread paused). */
  readonly result?: OpResult;
  /** The interleaving point a thread's step left it paused after (issue 12). */
  readonly paused?: string;
}

/** What a pair step ran, as a counterexample records it: with its result, where its thread paused, or neither (it crashed). */
export const ranStep = (step: Step, rec: { readonly kernel?: { readonly result: OpResult }; readonly paused?: string }): RanStep =>
  rec.kernel !== undefined ? { step, result: rec.kernel.result } : rec.paused !== undefined ? { step, paused: rec.paused } : { step };

export interface Finding {
  readonly kind: FindingKind;
  readonly check: CheckId;
  /** 'kernel' or 'reference' for invariants (a reference violation is a spec bug). */
  readonly side?: string;
  /** 0-based index of the failing step in `steps`. */
  readonly stepIndex: number;
  readonly message: string;
}

export class CheckFailure extends Error {
  override readonly name = 'CheckFailure';
  constructor(
    readonly finding: Finding,
    readonly steps: readonly RanStep[],
  ) {
    super(`${finding.check} at step ${finding.stepIndex + 1}: ${finding.message}`);
  }
}
