// The two models alone under the checker's commands — the reference
// (continuing from its first allowed outcome, as a deterministic
// implementation would) and the kernel model with the proposal's hooks —
// so the bench shows what each costs without the checker around them.
import { sequentialSession } from '../src/check/sequential-session.ts';
import { createKernel } from '../models/kernel/create-kernel.ts';
import type { ResolvedProposal } from '../models/proposals/proposal.ts';
import { reference } from '../models/reference/reference.ts';
import type { AbsState } from '../models/state.ts';
import type { Session } from '../src/check/session.ts';

export function referenceSession(p: ResolvedProposal): Session {
  let state: AbsState = reference.init(p.era);
  return sequentialSession(
    () => state,
    (step) => {
      const outcome = reference.step(p.era, state, step)[0];
      if (outcome === undefined) throw new Error('the reference allowed nothing');
      state = outcome.state;
      return outcome.result;
    },
  );
}

/**
 * The next command resolves its arguments against an abstract state, so
 * each step costs one abstraction, made after it as the checker makes it
 * (pair.ts): fast-check asks for the state more than once a step, and
 * abstracting on every ask measured the asking, not the model.
 */
export function kernelSession(p: ResolvedProposal): Session {
  const kernel = createKernel(p.era, p.hooks);
  let state = kernel.abstract();
  return sequentialSession(
    () => state,
    (step) => {
      const { result } = kernel.apply(step);
      state = kernel.abstract();
      return result;
    },
  );
}
