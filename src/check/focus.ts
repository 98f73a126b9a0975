// Where a search looks hardest (`check --focus`, a mutant's `focus`): the
// operations it names are generated five times as often, and memremap_pages
// creates only the memory types it names (those the era has). The models
// still run the whole era; only the command generator is steered.
import type { Era } from '../../models/eras/era.ts';
import type { Focus } from '../../models/focus.ts';
import type { NextEntry } from './next.ts';
import type { OpName } from '../../models/ops.ts';

export type { Focus } from '../../models/focus.ts';

const OP_BOOST = 5;

export function focusedEntries(entries: readonly NextEntry[], focus: Focus | undefined): NextEntry[] {
  return entries.map((e) => ({ ...e, weight: focusedWeight(e.weight, [e.op], focus) }));
}

/** A command's weight, five times as much when it can run one of the focus's operations (a thread start runs one of several). */
export function focusedWeight(weight: number, ops: readonly OpName[], focus: Focus | undefined): number {
  return focus?.ops?.some((op) => ops.includes(op)) ? weight * OP_BOOST : weight;
}

/** The era the generator sees: its enum limited to the focus types (when any of them exist in it). */
export function focusedEra(era: Era, focus: Focus | undefined): Era {
  const types = focus?.types?.filter((t) => era.enumValues[t] !== undefined) ?? [];
  if (types.length === 0) return era;
  return { ...era, enumValues: Object.fromEntries(types.map((t) => [t, era.enumValues[t]])) };
}
