// The shape of one command of the Next relation (next.ts): how its arguments
// are generated (small choices) and how they resolve against the current
// abstract state into a concrete step — or into nothing, when no handle
// fits (the command is then skipped, and counted).
import type fc from 'fast-check';
import type { Era } from '../../models/eras/era.ts';
import type { OpArgs, OpName, Step } from '../../models/ops.ts';
import type { AbsState } from '../../models/state.ts';

export interface CommandSpec<C = unknown> {
  readonly op: OpName;
  readonly choices: (era: Era) => fc.Arbitrary<C>;
  /** Deterministic: the same choices and state give the same step. */
  readonly resolve: (choices: C, state: AbsState, era: Era) => Step | undefined;
}

/** Typing help: infers C from `choices` so `resolve` is checked against it. */
export function command<C>(spec: CommandSpec<C>): CommandSpec<C> {
  return spec;
}

/** Builds a Step from an op and its arguments, with op and args correlated. */
export function step<K extends OpName>(op: K, args: OpArgs[K]): Step {
  return { op, args } as Step;
}
