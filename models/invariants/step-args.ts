// Narrowing a StepContext to one operation: its arguments and, when it
// succeeded, its value. StepContext keeps op and args uncorrelated, so the
// cast lives here once.
import { isFailure, type OpArgs, type OpName, type OpValues } from '../ops.ts';
import type { StepContext } from './invariant.ts';

export function argsFor<K extends OpName>(step: StepContext | undefined, op: K): OpArgs[K] | undefined {
  return step?.op === op ? (step.args as OpArgs[K]) : undefined;
}

/** The operation's value when `step` is `op` and it succeeded. */
export function valueFor<K extends OpName>(step: StepContext | undefined, op: K): OpValues[K] | undefined {
  if (step?.op !== op || isFailure(step.result)) return undefined;
  return step.result as OpValues[K];
}

/** The errno the step returned, if it failed with one. */
export function errnoOf(step: StepContext): string | undefined {
  return 'errno' in step.result ? step.result.errno : undefined;
}
