// Installing and clearing PTEs with their accounting: a mapped frame gets a
// map count and an rmap entry, and a page reference when the era counts
// mappings for its type (mm/memory.c set_pte_range / zap_present_ptes;
// devmap-era DAX PTEs are "special" and take no reference, §7).
import { TYPE_RULES } from '../type-rules.ts';
import { ZERO_PFN } from '../vocabulary.ts';
import { dax_folio_init } from './dax.ts';
import { frameType } from './folio-view.ts';
import { pte_dirty_to_folio } from './dirty.ts';
import type { DirtySite } from './hooks.ts';
import { type KernelState, type Proc, type Pte, slotOf } from './kstate.ts';
import { PG_inuse } from './memmap.ts';
import { folio_add_rmap_pte, folio_remove_rmap_pte } from './rmap.ts';
import { folio_get } from './swap.ts';

/** PTE kinds that map a frame (count in folio_mapcount). */
export const pte_maps_frame = (kind: Pte['kind']): boolean => kind === 'present' || kind === 'present-devmap' || kind === 'device-private' || kind === 'device-exclusive';

/** Does a mapping of this frame hold a page reference in this era. */
export function mapping_takes_ref(k: KernelState, slot: number): boolean {
  return slot !== ZERO_PFN && TYPE_RULES[frameType(k, slot)].refcount(k.era).mapsTakeRef;
}

/** set_pte_at with folio_add_*_rmap and folio_get for the mapping's reference. */
export function set_pte_mapped(k: KernelState, p: Proc, vpn: number, pte: Pte): void {
  if (pte.rmap === false) delete pte.rmap; // a fresh entry is always rmapped here
  p.ptes.set(vpn, pte);
  if (!pte_maps_frame(pte.kind)) return;
  const slot = slotOf(k, pte.pfn);
  folio_add_rmap_pte(k, slot, p.num, vpn);
  if (!mapping_takes_ref(k, slot)) return;
  if (!k.mem.has(slot, PG_inuse)) dax_folio_init(k, slot);
  folio_get(k, slot);
}

/**
 * ptep_get_and_clear with folio_remove_rmap_pte (zap_nonpresent_ptes skips
 * it for a device-exclusive entry that holds no rmap). `site` is where a
 * dirty PTE hands its dirty bit to the folio (null where the PTE cannot be
 * dirty: a private COW source, the zero page). Returns the slot whose
 * mapping reference the caller must drop (batched into release_pages by
 * zap), or -1.
 */
export function ptep_clear_mapped(k: KernelState, p: Proc, vpn: number, site: DirtySite | null): number {
  const pte = p.ptes.get(vpn);
  if (!pte) return -1;
  p.ptes.delete(vpn);
  if (!pte_maps_frame(pte.kind)) return -1;
  const slot = slotOf(k, pte.pfn);
  if (site !== null) pte_dirty_to_folio(k, pte, slot, site);
  if (pte.rmap !== false) folio_remove_rmap_pte(k, slot, p.num, vpn);
  return mapping_takes_ref(k, slot) ? slot : -1;
}
