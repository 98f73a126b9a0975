// Type-level test, checked by `tsc --noEmit` (the first half of `npm test`):
// adding a memory type must fail to compile until every per-type decision
// covers it. Each @ts-expect-error below must stay an error; if one stops
// being an error, tsc reports the unused directive and the test fails.
import { match } from 'ts-pattern';
import { TYPE_RULES, type TypeRules } from '../models/type-rules.ts';
import type { FrameType } from '../models/vocabulary.ts';

/** A memory type a patch series might add. */
type WithNewType = FrameType | 'CXL_SHARED';

// The per-type table has no row for the new type.
// @ts-expect-error — Record<WithNewType, TypeRules> requires a CXL_SHARED row
export const table: Record<WithNewType, TypeRules> = TYPE_RULES;

// A ts-pattern match over memory types that forgets the new type.
export const lru = (t: WithNewType): boolean =>
  match(t)
    .with('SYSTEM', () => true)
    .with('PRIVATE', 'COHERENT', 'FS_DAX', 'GENERIC', 'PCI_P2PDMA', 'HOST', 'PUBLIC', () => false)
    // @ts-expect-error — .exhaustive() refuses a match missing CXL_SHARED
    .exhaustive();

// The same match over today's types compiles.
export const lruToday = (t: FrameType): boolean =>
  match(t)
    .with('SYSTEM', () => true)
    .with('PRIVATE', 'COHERENT', 'FS_DAX', 'GENERIC', 'PCI_P2PDMA', 'HOST', 'PUBLIC', () => false)
    .exhaustive();
