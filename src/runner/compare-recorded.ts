// How a replayed step's result differs from the one its counterexample
// recorded, and whether that makes the rest of the trace meaningless.
//
// A trace names handles and assumes states by position: step 7's "pin0" is
// whatever step 4 pinned when the trace was recorded. A step *diverges* when,
// before the recorded failing step,
//   - it succeeded where it had failed, or failed where it had succeeded (the
//     state it leaves is not the one the later steps were written against), or
//   - it created a different handle than recorded (a result field typed as a
//     handle in op-schemas.ts: pgmap, child, ref, pin, memcg), so later steps
//     would name a handle that is not what the recording meant.
// Any other difference — another errno, a different cpages count, different
// data — and any difference at the recorded failing step itself (that is
// what a fix looks like) is only noted.
import { isFailure, type OpResult } from '../../models/ops.ts';
import { formatResult } from '../trace/format-call.ts';
import { handleFields } from '../trace/handle-fields.ts';
import type { TraceStep } from '../trace/trace.ts';
import { deepEqual } from './deep-equal.ts';
import { asStep } from './run-on-pair.ts';

export interface RecordedDifference {
  /** The step index (0-based). */
  readonly index: number;
  /** The recorded and the new result, as a kernel call's result reads (pin0, -EBUSY, cpages 1). */
  readonly recorded: string;
  readonly now: string;
  readonly diverges: boolean;
  readonly why: string;
}

/** undefined when the step recorded nothing, did not return now, or returned the same. */
export function compareRecorded(step: TraceStep, index: number, now: OpResult | undefined, failingIndex: number): RecordedDifference | undefined {
  const { recorded } = step;
  if (recorded === undefined || now === undefined || deepEqual(recorded, now)) return undefined;
  const call = asStep(step);
  const shown = { index, recorded: formatResult(call, recorded), now: formatResult(call, now) };
  if (index >= failingIndex) return { ...shown, diverges: false, why: 'at the recorded failing step, where a different result is what a fix looks like' };
  if (isFailure(recorded) !== isFailure(now)) {
    return { ...shown, diverges: true, why: isFailure(now) ? 'it failed where it had succeeded' : 'it succeeded where it had failed' };
  }
  const was = recorded as Readonly<Record<string, unknown>>;
  const is = now as Readonly<Record<string, unknown>>;
  const other = handleFields(step.op, 'results').find(({ field }) => !isFailure(now) && was[field] !== is[field]);
  if (other !== undefined) return { ...shown, diverges: true, why: `it created ${String(is[other.field])} where it had created ${String(was[other.field])}` };
  return { ...shown, diverges: false, why: 'the same success or failure, and the same handles' };
}
