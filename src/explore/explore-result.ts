// What a search is asked and what it ends with: the options, the progress,
// the result, and the one function that builds a result — shared by the
// single-threaded search (explore.ts) and the parallel one
// (pool/explore-pool.ts), so the two report alike.
import type { Era } from '../../models/eras/era.ts';
import type { OpName, Step } from '../../models/ops.ts';
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import type { SelectableCheck } from '../check/checks.ts';
import type { Pair } from '../runner/pair-types.ts';
import type { ExploreBounds } from './bounds.ts';
import type { Violation } from './expand.ts';

export interface ExploreOptions {
  readonly depth: number;
  readonly bounds: ExploreBounds;
  readonly checks?: readonly SelectableCheck[];
  /** Only these operations (default: all). */
  readonly ops?: readonly OpName[];
  /**
   * Search from the state these steps reach (single-threaded search only):
   * depths count from there, and a counterexample starts with them.
   */
  readonly from?: readonly Step[];
  /** Also start every operation that can reach an interleaving point as thread t1, and resume it (issue 12; thread-steps.ts). */
  readonly threads?: boolean;
  /** With threads: only these operations start as t1 (default: every one of THREAD_OPS in the search). */
  readonly threadOps?: readonly OpName[];
  /** With threads: the partial-order reduction (commutes-with-start.ts) — the first main step after a start that commutes with it is not searched there. */
  readonly por?: boolean;
  /** The hang limit's base for proposal hooks (check's --hook-time-limit; default 2 s). */
  readonly hookTimeLimitMs?: number;
  /** Stop cleanly after this many distinct states. */
  readonly maxStates?: number;
  /** Stop cleanly when the heap grows past this many bytes. */
  readonly maxMemoryBytes?: number;
  readonly exact?: boolean;
  /** Called about every `progressEvery` transitions and at each depth's end. */
  readonly onProgress?: (p: ExploreProgress) => void;
  readonly progressEvery?: number;
  /** For tests and benchmarks: another pair (e.g. with a mutant's models). */
  readonly createPair?: (proposal: ResolvedProposal) => Pair;
}

export interface ExploreProgress {
  /** The depth being expanded (its states are `depth` steps from the start). */
  readonly depth: number;
  readonly states: number;
  readonly transitions: number;
  readonly elapsedMs: number;
  /**
   * Distinct states first reached at each depth, 0 onward; they add up to
   * `states`. After a stop part-way through a depth, the last entry is the
   * part of the next depth reached so far (`partial`).
   */
  readonly frontier: readonly number[];
  readonly partial: boolean;
}

export type ExploreStop = 'violation' | 'complete' | 'max-states' | 'max-memory' | 'no-more-states';

export interface ExploreResult extends ExploreProgress {
  readonly proposal: string;
  readonly era: Era['name'];
  readonly bounds: ExploreBounds;
  readonly maxDepth: number;
  /** --max-states, when given. */
  readonly maxStates?: number;
  readonly checks: readonly SelectableCheck[];
  readonly stop: ExploreStop;
  /** Depths whose every state was expanded: no violation within this many steps. */
  readonly completeDepth: number;
  /** The shortest counterexample: the steps and what failed at the last. */
  readonly violation?: Violation;
  /** Bytes of the seen-state set, and the heap's growth during the search. */
  readonly seenBytes: number;
  readonly heapBytes: number;
  readonly exact: boolean;
  /** Steps of the trace the search started from (ExploreOptions.from); depths count after them. */
  readonly fromSteps?: number;
  readonly threads?: boolean;
  /** With threads, partial-order reduced (ExploreOptions.por). */
  readonly por?: boolean;
}

/** What a search measured itself; the rest of a result comes from the proposal and the options. */
export type SearchOutcome = ExploreProgress & Pick<ExploreResult, 'checks' | 'stop' | 'completeDepth' | 'violation' | 'seenBytes' | 'heapBytes'>;

/** What a search ended with, as the result: shared by this search and the parallel one (pool/explore-pool.ts). */
export function exploreResult(r: SearchOutcome & { readonly proposal: ResolvedProposal; readonly options: ExploreOptions }): ExploreResult {
  const { proposal, options, violation, ...measured } = r;
  return {
    ...measured,
    proposal: proposal.name,
    era: proposal.era.name,
    bounds: options.bounds,
    maxDepth: options.depth,
    ...(options.maxStates === undefined ? {} : { maxStates: options.maxStates }),
    ...(violation === undefined ? {} : { violation }),
    exact: options.exact === true,
    ...(options.from === undefined ? {} : { fromSteps: options.from.length }),
    ...(options.threads ? { threads: true } : {}),
    ...(options.threads && options.por ? { por: true } : {}),
  };
}
