// Two last passes after fast-check's shrinking, keeping any shorter trace
// that still fails the same check:
// - shorten: drop one step, then two steps at a time, from the concrete
//   counterexample. fast-check shrinks the generated choices, which resolve
//   against the live handles, so removing a command can change what later
//   ones resolve to, and it removes one command at a time: where two steps
//   only matter together its shrinking stops at a local minimum.
// - shortenByExplore: a small breadth-first search (src/explore/) over the
//   operations and memory types the trace uses, shorter than the trace. It
//   finds traces no deletion reaches: for cdm-numa-rfc's
//   memory-failure-contract the checker shrank to memremap, mmap, migrate,
//   memory_failure by vpn (4 steps), while memory_failure by pfn fails in 2.
// Both are deterministic, so `check --seed S --path P` ends in the same
// trace. properties/explore/shrink-quality.test.ts compares check's lengths
// with explore's.
import type { Step } from '../../models/ops.ts';
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import type { Pair } from '../runner/pair-types.ts';
import { exploreAround } from '../explore/explore-around.ts';
import { CheckFailure, endsSearch } from './failure.ts';

/** Index sets to drop, singles first, then pairs; later steps first (a trailing step is the likeliest extra). */
function* drops(n: number): Generator<readonly number[]> {
  for (let i = n - 1; i >= 0; i--) yield [i];
  for (let j = n - 1; j >= 1; j--) for (let i = j - 1; i >= 0; i--) yield [i, j];
}

export function shorten(failure: CheckFailure, rerun: (steps: readonly Step[]) => CheckFailure | undefined): CheckFailure {
  // A crash or hang is reported as it happened: its hooks are not run again.
  if (endsSearch(failure.finding.check)) return failure;
  let best = failure;
  for (let improved = true; improved; ) {
    improved = false;
    const steps = best.steps.map((s) => s.step);
    for (const drop of drops(steps.length)) {
      const candidate = steps.filter((_, i) => !drop.includes(i));
      const found = rerun(candidate);
      if (found !== undefined && found.finding.check === best.finding.check && found.steps.length < best.steps.length) {
        best = found;
        improved = true;
        break;
      }
    }
  }
  return best;
}

/**
 * Distinct states the search may visit. Each costs a pair step per enabled
 * step (the trace's operations only): 100 states are 0.1–0.4 s, enough for
 * the 1–2 step shortcuts seen (cdm-numa-rfc's took 4 states); a deeper
 * search is explore's, not every counterexample's.
 */
export const SHORTEN_STATES = 100;

/** What the search may cost in steps, for the hang limit: a few dozen per state. */
export const SHORTEN_STEPS = SHORTEN_STATES * 40;

export function shortenByExplore(
  failure: CheckFailure,
  proposal: ResolvedProposal,
  createPair: (p: ResolvedProposal) => Pair,
  guarded: <T>(steps: number, fn: () => T) => T | undefined,
): CheckFailure {
  const steps = failure.steps.map((s) => s.step);
  if (endsSearch(failure.finding.check) || steps.length < 3) return failure;
  const found = guarded(SHORTEN_STEPS, () => exploreAround(steps, failure.finding.check, proposal, { maxStates: SHORTEN_STATES, createPair }))?.violation;
  // A crash the search ran into is not this failure: only the same check counts.
  const same = found !== undefined && found.finding.check === failure.finding.check && found.steps.length < steps.length;
  return same ? new CheckFailure(found.finding, found.steps) : failure;
}
