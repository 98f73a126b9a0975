// The pairs a check's runs step through. Each run needs the pair as it is
// at the start; making one (a kernel model, the reference's initial state,
// both views, the start's judgements) cost ~6% of a check step's time in a
// profile, and restoring a saved start costs a fraction of that. So the
// first run's pair is made and saved with its views, and each later run
// gets it back restored to that start (Pair.restore replaces the kernel's
// state whole, whatever a run, or a hang inside one, left behind). A pair
// that crashed refuses a restore: the next run gets a new one.
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import type { Pair, PairOptions, PairSnapshot } from '../runner/pair-types.ts';

export type MakePair = (proposal: ResolvedProposal, options: PairOptions) => Pair;

/** A MakePair whose pairs start where a new one would; for one options object, as a check uses. */
export function freshPairs(make: MakePair): MakePair {
  const made = new WeakMap<ResolvedProposal, { readonly options: PairOptions; readonly pair: Pair; readonly start: PairSnapshot }>();
  return (proposal, options) => {
    const kept = made.get(proposal);
    if (kept !== undefined && kept.options === options && !kept.pair.crashed) {
      kept.pair.restore(kept.start);
      return kept.pair;
    }
    const pair = make(proposal, options);
    made.set(proposal, { options, pair, start: pair.save(true) });
    return pair;
  };
}
