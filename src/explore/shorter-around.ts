// shorterAround: is a checker counterexample as short as explore can make
// it? exploreAround with the bounds the shrink-quality judgements use (two
// pages, up to three processes, more states than check's own pass): a
// violation there is a shorter counterexample the checker missed. The
// everyday and deep shrink-quality tests and `npm run bench` all ask this.
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import type { Counterexample } from '../check/counterexample.ts';
import { exploreAround } from './explore-around.ts';
import type { ExploreResult } from './explore.ts';

export const shorterAround = (cx: Counterexample, proposal: ResolvedProposal, maxStates: number): ExploreResult =>
  exploreAround(
    cx.steps.map((s) => s.step),
    cx.check,
    proposal,
    { maxStates, pages: 2, procs: 3 },
  );
