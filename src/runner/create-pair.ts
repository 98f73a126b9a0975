// createPair: the pair of createPairWith bound to the real models — the
// reference specification, the kernel-shaped model, every invariant and
// the touched-frames scan that lets per-frame rules judge only what changed.
import { createKernel } from '../../models/kernel/create-kernel.ts';
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import { reference } from '../../models/reference/reference.ts';
import { INVARIANTS } from '../../models/invariants/all.ts';
import { touchedFrames } from '../../models/invariants/touched.ts';
import { createPairWith, type PairModels } from './pair.ts';
import type { Pair, PairOptions } from './pair-types.ts';

export const REAL_MODELS: PairModels = { reference, createKernel, invariants: INVARIANTS, touchedFrames };

export function createPair(proposal: ResolvedProposal, options: PairOptions = {}): Pair {
  return createPairWith(REAL_MODELS, proposal, options);
}
