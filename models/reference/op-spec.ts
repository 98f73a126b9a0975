// The shape of one operation of the specification: every allowed outcome.
import type { Era } from '../eras/era.ts';
import type { Outcome } from '../model.ts';
import type { OpArgs, OpName } from '../ops.ts';
import type { AbsState } from '../state.ts';

export type OpSpec<K extends OpName> = (era: Era, state: AbsState, args: OpArgs[K]) => Outcome[];
