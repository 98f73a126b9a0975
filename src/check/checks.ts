// The checks a run can be asked for: every invariant plus the refinement
// check. A crash or a hang of the proposal's code is always reported.
import { INVARIANT_IDS } from '../../models/invariants/invariant.ts';
import type { InvariantId } from '../../models/invariants/invariant.ts';
import { type CheckId, STOPPING_CHECKS } from './failure.ts';

export type SelectableCheck = InvariantId | 'refinement';

export const ALL_CHECKS: readonly SelectableCheck[] = [...INVARIANT_IDS, 'refinement'];

export function isSelectableCheck(x: string): x is SelectableCheck {
  return (ALL_CHECKS as readonly string[]).includes(x);
}

export function checkSet(selected: readonly SelectableCheck[]): ReadonlySet<CheckId> {
  return new Set<CheckId>([...selected, ...STOPPING_CHECKS]);
}

export const invariantsOf = (selected: readonly SelectableCheck[]): InvariantId[] => selected.filter((c): c is InvariantId => c !== 'refinement');
