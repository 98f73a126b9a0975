// Test helper: is a checker counterexample as short as explore can make it?
// exploreAround (src/explore/explore-around.ts) with two pages and more
// states than check's own pass: a violation there is a shorter
// counterexample the checker missed.
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import type { Counterexample } from '../../src/check/counterexample.ts';
import { exploreAround } from '../../src/explore/explore-around.ts';
import type { ExploreResult } from '../../src/explore/explore.ts';

export const shorterThan = (cx: Counterexample, proposal: ResolvedProposal, maxStates: number): ExploreResult =>
  exploreAround(
    cx.steps.map((s) => s.step),
    cx.check,
    proposal,
    { maxStates, pages: 2, procs: 3 },
  );
