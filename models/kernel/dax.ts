// DAX frames have no allocator: a frame is "in use" while it has counted
// users (fs/dax.c, drivers/dax/device.c).
import { TYPE_RULES } from '../type-rules.ts';
import { frameType } from './folio-view.ts';
import type { KernelState } from './kstate.ts';
import { PG_inuse } from './memmap.ts';

/**
 * dax_folio_init (fs/dax.c, the fs/dax series) / the devmap-era refcount lift
 * by the first GUP reference: an idle DAX frame becomes busy. Its count moves
 * from the idle value to the in-use base before the new user takes its
 * reference (GENERIC: reset-to-one idles at 1 but counts users from 0, open
 * question 8).
 */
export function dax_folio_init(k: KernelState, slot: number): void {
  const rule = TYPE_RULES[frameType(k, slot)].refcount(k.era);
  const m = k.mem;
  m.set(slot, PG_inuse, true);
  m.allocs[slot] = (m.allocs[slot] ?? 0) + 1;
  m.refcount[slot] = (m.refcount[slot] ?? 0) + rule.base - rule.idle;
}
