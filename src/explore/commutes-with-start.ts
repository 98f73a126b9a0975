// Partial-order reduction for explore --threads (issue 12): a main-thread
// step `a` taken right after t1's start (the stretch holds nothing but
// the start) whose order with the start does not matter — run at the state
// before the start, `a` returns the same, the start then pauses at the
// same point, and the two orders reach the same kernel state — need not be
// searched inside the stretch: the search already takes `a` before the
// start, one depth earlier, and reaches the same state, t1 paused there,
// at the same depth. Checked by running both orders, not by footprints:
// a step may depend on a frame it only reads (a migration refuses a page
// the paused fault holds a reference on), which no write set shows.
//
// Why nothing is lost. Every run start; a; rest has the run a; start; rest
// beside it: the same kernel states from the second step on (the 'always'
// clauses judge states, so they judge them alike), the same results (the
// kernel model is deterministic), and, at the stretch's end, a
// linearization of the second is one of the first with `a` put first,
// which real time allows: in the first run `a` overlaps t1 and returns
// before every later step is invoked. A run that fails in the first fails
// in the second, at the same length; `a` alone at the state before the
// start is a transition of that state and judged there. Only the first
// step after the start is pruned: a later one is invoked after main-thread
// steps of the stretch returned, which a linearization must keep before
// it, so it cannot be moved before the start. Nor is a step after a start
// that paused at a point whose history is 'undone' (a long-term pin between
// rounds): the round before the pause has returned as an operation of its
// own, so real time keeps it before `a`, and the argument above fails.
// properties/threads/por.test.ts
// compares the reduced search with the unreduced one on the thread
// mutants and the built-ins.
import { interleavingPoint } from '../../models/kernel/interleaving-points.ts';
import type { Step } from '../../models/ops.ts';
import type { Pair, PairSnapshot, PairStep } from '../runner/pair-types.ts';
import { isDeepStrictEqual } from 'node:util';

/**
 * Does `a` commute with the start that paused `paused` (its id, point and
 * step), given `ran` (what `a` did after the start) and `words` (the kernel
 * state it reached)? Runs `a` and then the start from `preStart`; leaves
 * the pair there.
 */
export function commutesWithStart(
  pair: Pair,
  preStart: PairSnapshot,
  paused: { readonly id: string; readonly label: string; readonly step: Step },
  a: Step,
  ran: PairStep,
  words: readonly number[],
): boolean {
  if (ran.kernel === undefined || interleavingPoint(paused.label)?.history === 'undone') return false;
  pair.restore(preStart);
  const first = pair.step(a);
  if (first.kernel === undefined || !isDeepStrictEqual(first.kernel.result, ran.kernel.result)) return false;
  const start = pair.step({ ...paused.step, thread: { id: paused.id, kind: 'start' } });
  if (start.paused !== paused.label) return false;
  const after = pair.stateWords();
  if (after.length !== words.length) return false;
  for (let i = 0; i < after.length; i++) if (after[i] !== words[i]) return false;
  return true;
}
