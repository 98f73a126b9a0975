// The two models alone under the checker's commands — the reference
// (continuing from its first allowed outcome, as a deterministic
// implementation would) and the kernel model with the proposal's hooks —
// so the bench shows what each costs without the checker around them.
import { createKernel } from '../models/kernel/create-kernel.ts';
import type { ResolvedProposal } from '../models/proposals/proposal.ts';
import { reference } from '../models/reference/reference.ts';
import type { AbsState } from '../models/state.ts';
import type { Session } from '../src/check/session.ts';

export function referenceSession(p: ResolvedProposal): Session {
  let state: AbsState = reference.init(p.era);
  return {
    steps: [],
    state: () => state,
    apply(step) {
      const outcome = reference.step(p.era, state, step)[0];
      if (outcome === undefined) throw new Error('the reference allowed nothing');
      state = outcome.state;
      return outcome.result;
    },
  };
}

export function kernelSession(p: ResolvedProposal): Session {
  const kernel = createKernel(p.era, p.hooks);
  return { steps: [], state: () => kernel.abstract(), apply: (step) => kernel.apply(step).result };
}
