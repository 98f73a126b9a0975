// Every invariant, in INVARIANT_IDS order: what the checker runs after each
// step and what reports list.
import { coherentEvictable } from './coherent-evictable.ts';
import { dataPreserved } from './data-preserved.ts';
import { daxLayoutIdle } from './dax-layout-idle.ts';
import { deviceNotOnLru } from './device-not-on-lru.ts';
import { freeOnce } from './free-once.ts';
import { gupContract } from './gup-contract.ts';
import { INVARIANT_IDS, type Invariant, type InvariantId } from './invariant.ts';
import { memcgChargeConserved } from './memcg-charge-conserved.ts';
import { memcgTarget } from './memcg-target.ts';
import { memoryFailureContract } from './memory-failure-contract.ts';
import { noLongtermPinCoherent } from './no-longterm-pin-coherent.ts';
import { noUseAfterFree } from './no-use-after-free.ts';
import { ownerIsolation } from './owner-isolation.ts';
import { pgmapRefBalanced } from './pgmap-ref-balanced.ts';
import { pinnedNotMigrated } from './pinned-not-migrated.ts';
import { privateNotCpuMapped } from './private-not-cpu-mapped.ts';
import { refcountExpected } from './refcount-expected.ts';

// Keyed by id so a missing or misnamed invariant fails to compile.
const BY_ID = {
  'refcount-expected': refcountExpected,
  'free-once': freeOnce,
  'no-use-after-free': noUseAfterFree,
  'no-longterm-pin-coherent': noLongtermPinCoherent,
  'gup-contract': gupContract,
  'coherent-evictable': coherentEvictable,
  'private-not-cpu-mapped': privateNotCpuMapped,
  'pinned-not-migrated': pinnedNotMigrated,
  'memcg-charge-conserved': memcgChargeConserved,
  'memcg-target': memcgTarget,
  'memory-failure-contract': memoryFailureContract,
  'data-preserved': dataPreserved,
  'dax-layout-idle': daxLayoutIdle,
  'device-not-on-lru': deviceNotOnLru,
  'pgmap-ref-balanced': pgmapRefBalanced,
  'owner-isolation': ownerIsolation,
} as const satisfies Record<InvariantId, Invariant>;

export const INVARIANTS: readonly Invariant[] = INVARIANT_IDS.map((id) => BY_ID[id]);

/** The invariant with this id; a string from the command line may name none. */
export function invariantById(id: InvariantId): Invariant;
export function invariantById(id: string): Invariant | undefined;
export function invariantById(id: string): Invariant | undefined {
  return Object.hasOwn(BY_ID, id) ? BY_ID[id as InvariantId] : undefined;
}
