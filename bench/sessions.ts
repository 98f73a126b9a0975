// The systems the benchmark drives with the checker's own commands: the
// reference alone, the kernel model alone, and the pair the checker uses —
// so the table shows where a command's time goes.
import { createKernel } from '../models/kernel/create-kernel.ts';
import type { ResolvedProposal } from '../models/proposals/proposal.ts';
import { reference } from '../models/reference/reference.ts';
import type { AbsState } from '../models/state.ts';
import { ALL_CHECKS, checkSet, invariantsOf } from '../src/check/checks.ts';
import { createSession, type Session } from '../src/check/session.ts';
import { createPair } from '../src/runner/create-pair.ts';

export type SystemName = 'reference' | 'kernel' | 'pair (kernel-side invariants)' | 'pair (both sides)';

function referenceSession(p: ResolvedProposal): Session {
  let state: AbsState = reference.init(p.era);
  return {
    steps: [],
    state: () => state,
    apply(step) {
      // The first allowed outcome, as a deterministic implementation would.
      const outcome = reference.step(p.era, state, step)[0];
      if (outcome === undefined) throw new Error('the reference allowed nothing');
      state = outcome.state;
      return outcome.result;
    },
  };
}

function kernelSession(p: ResolvedProposal): Session {
  const kernel = createKernel(p.era, p.hooks);
  return { steps: [], state: () => kernel.abstract(), apply: (step) => kernel.apply(step).result };
}

export const SYSTEMS: Record<SystemName, (p: ResolvedProposal) => Session> = {
  reference: referenceSession,
  kernel: kernelSession,
  'pair (kernel-side invariants)': (p) => createSession(createPair(p, { invariants: invariantsOf(ALL_CHECKS), sides: 'kernel' }), checkSet(ALL_CHECKS)),
  'pair (both sides)': (p) => createSession(createPair(p, { invariants: invariantsOf(ALL_CHECKS), sides: 'both' }), checkSet(ALL_CHECKS)),
};
