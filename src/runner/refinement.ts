// The refinement check (DESIGN §3): the kernel model's result must equal one
// allowed outcome's result and abstract(kernelState) that outcome's state.
import type { Outcome } from '../../models/model.ts';
import type { OpResult, Step } from '../../models/ops.ts';
import type { AbsState } from '../../models/state.ts';
import { formatResult } from '../trace/format-call.ts';
import { deepEqual, describeDifference } from './deep-equal.ts';
import { sameState } from './same-state.ts';

export interface RefinementVerdict {
  /** The outcome the pair continues from: the match, or the closest. */
  readonly outcome: number;
  readonly matched: boolean;
  readonly message?: string;
}

export function checkRefinement(step: Step, result: OpResult, state: AbsState, allowed: readonly Outcome[]): RefinementVerdict {
  const sameResult = allowed.map((o) => deepEqual(result, o.result));
  const exact = allowed.findIndex((o, i) => sameResult[i] && sameState(state, o.state));
  if (exact >= 0) return { outcome: exact, matched: true };
  // Continue from the outcome that returned the same result when there is
  // one (so one divergence does not cascade into every later step), else the first.
  const closest = Math.max(0, sameResult.indexOf(true));
  const chosen = allowed[closest];
  if (chosen === undefined) return { outcome: 0, matched: false, message: 'the reference allowed no outcome (a specification bug)' };
  if (!sameResult[closest]) {
    const wanted = allowed.map((o) => formatResult(step, o.result)).join(' or ');
    return { outcome: closest, matched: false, message: `result: kernel = ${formatResult(step, result)}, reference allows = ${wanted}` };
  }
  const among = allowed.length > 1 ? ` (outcome ${closest} of ${allowed.length} allowed)` : '';
  const difference = describeDifference(state, chosen.state, ['kernel', 'reference']);
  return { outcome: closest, matched: false, message: `state${among}: ${difference ?? '(differs)'}` };
}
