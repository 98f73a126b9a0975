// wrapPair: a pair whose step() goes through `step` (which calls the inner
// pair's), everything else passed through — for the wrappers that record,
// count or refuse steps (semantic coverage, explained counterexamples,
// uncreated handles) without each restating the whole Pair interface.
import type { Step } from '../../models/ops.ts';
import type { Pair, PairStep } from './pair-types.ts';

export function wrapPair(pair: Pair, step: (step: Step) => PairStep): Pair {
  return {
    start: pair.start,
    step,
    get crashed() {
      return pair.crashed;
    },
    kernelView: () => pair.kernelView(),
    referenceView: () => pair.referenceView(),
    save: (withViews) => pair.save(withViews),
    restore: (snapshot) => pair.restore(snapshot),
    stateWords: () => pair.stateWords(),
    stretchKey: () => pair.stretchKey(),
    pausedThreads: () => pair.pausedThreads(),
    blockedBy: (s) => pair.blockedBy(s),
  };
}
