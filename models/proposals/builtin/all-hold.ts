// Every invariant holding: a built-in's `expected` table spreads this and
// names only what it violates (its header's Result block lists all of them).
import { INVARIANT_IDS, type InvariantId } from '../../invariants/invariant.ts';
import type { Verdict } from '../proposal.ts';

export const ALL_HOLD: Readonly<Record<InvariantId, Verdict>> = Object.fromEntries(INVARIANT_IDS.map((id) => [id, 'holds'])) as Record<InvariantId, Verdict>;
