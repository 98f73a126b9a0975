// exploreAround: a breadth-first search around a counterexample — over the
// operations and memory types its trace uses, one step shorter than it, for
// the same check. A violation there is a shorter counterexample. check's
// last shrinking pass (src/check/shorten.ts) runs it small; the shrink
// quality tests and the bench run it larger to judge the shrinking.
import type { OpName, Step } from '../../models/ops.ts';
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import type { MemoryType } from '../../models/vocabulary.ts';
import { isSelectableCheck } from '../check/checks.ts';
import type { CheckId } from '../check/failure.ts';
import type { Pair } from '../runner/pair-types.ts';
import { explore, type ExploreResult } from './explore.ts';

export interface AroundOptions {
  readonly maxStates: number;
  /** Largest mmap/memremap/range (default 1: a shorter trace rarely needs more). */
  readonly pages?: number;
  /** Most processes (default 2; the trace's forks decide below that). */
  readonly procs?: number;
  readonly createPair?: (p: ResolvedProposal) => Pair;
}

/** `check`: the one that failed; a crash or hang (not selectable) is judged whatever the checks. */
export function exploreAround(steps: readonly Step[], check: CheckId, proposal: ResolvedProposal, o: AroundOptions): ExploreResult {
  const count = (op: OpName) => steps.filter((s) => s.op === op).length;
  const types = [...new Set(steps.flatMap((s) => (s.op === 'memremap_pages' ? [s.args.type] : [])))] as MemoryType[];
  return explore(proposal, {
    depth: Math.max(1, steps.length - 1),
    bounds: {
      pages: o.pages ?? 1,
      procs: Math.min(o.procs ?? 2, 1 + count('fork')),
      devices: Math.max(1, count('memremap_pages')),
      values: 1,
      symmetry: true,
      ...(types.length > 0 ? { types } : {}),
    },
    ops: [...new Set(steps.map((s) => s.op))],
    // A race is searched for as a race: with the thread steps.
    ...(steps.some((s) => s.thread !== undefined) ? { threads: true } : {}),
    checks: isSelectableCheck(check) ? [check] : [],
    maxStates: o.maxStates,
    ...(o.createPair === undefined ? {} : { createPair: o.createPair }),
  });
}
