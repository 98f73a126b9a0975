// Turning a context into outcomes.
import { isDeepStrictEqual } from 'node:util';
import type { Era } from '../eras/era.ts';
import type { Outcome } from '../model.ts';
import type { OpName, OpResult } from '../ops.ts';
import type { AbsState } from '../state.ts';
import { type Ctx, newCtx } from './draft.ts';

export function outcomeOf(ctx: Ctx, result: OpResult): Outcome {
  return { result, state: ctx.s, events: ctx.events };
}

/**
 * The common case: a deterministic operation. `body` runs on a fresh draft
 * of `state`; whatever it returns is the one allowed outcome. Bodies do
 * all their checks before changing anything, so a failed check returns a
 * state equal to the input.
 */
export function deterministic<K extends OpName>(era: Era, state: AbsState, body: (ctx: Ctx) => OpResult<K>): Outcome[] {
  const ctx = newCtx(era, state);
  const result = body(ctx);
  return [outcomeOf(ctx, result)];
}

/** Drop outcomes equal (result and state) to an earlier one: the set of allowed outcomes. */
export function distinctOutcomes(outcomes: readonly Outcome[]): Outcome[] {
  const out: Outcome[] = [];
  for (const o of outcomes) {
    if (!out.some((p) => isDeepStrictEqual(p.result, o.result) && isDeepStrictEqual(p.state, o.state))) out.push(o);
  }
  return out;
}
