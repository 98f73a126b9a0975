// Dirty bits: the PTE's (pte_dirty, set by the MMU on a store) and the
// folio's (PG_dirty, mm/page-writeback.c folio_mark_dirty). Writeback
// (writeback.ts) writes dirty folios to storage, drop_caches drops only
// clean ones, so a PTE cleared without handing its dirty bit to the folio
// loses the write it recorded (BUG-09). Tracked for page-cache folios only:
// anonymous memory has no backing store in the model (no swap).
import { folioView } from './folio-view.ts';
import type { DirtySite } from './hooks.ts';
import type { KernelState, Proc, Pte } from './kstate.ts';
import { PG_dirty } from './memmap.ts';

const inPageCache = (k: KernelState, slot: number): boolean => (k.mem.file[slot] ?? -1) >= 0;

/** folio_mark_dirty (mm/page-writeback.c): a page-cache folio is now newer than its storage. */
export function folio_mark_dirty(k: KernelState, slot: number): void {
  if (inPageCache(k, slot)) k.mem.set(slot, PG_dirty, true);
}

/** folio_cancel_dirty (truncate_cleanup_folio): a folio leaving the page cache drops its dirty state with its data's claim on storage. */
export function folio_cancel_dirty(k: KernelState, slot: number): void {
  k.mem.set(slot, PG_dirty, false);
}

/**
 * A CPU or device store through the PTE at vpn: the MMU sets pte_dirty (for
 * a device, the write fault of hmm_range_fault's HMM_PFN_REQ_WRITE did:
 * set_pte_range / wp_page_reuse → pte_mkdirty). The model keeps no
 * write-notify: the folio learns of the store only when the PTE is cleared
 * or cleaned (docs/operations.md §6.24).
 */
export function pte_mkdirty(k: KernelState, p: Proc, vpn: number, slot: number): void {
  const pte = p.ptes.get(vpn);
  if (pte && (pte.kind === 'present' || pte.kind === 'present-devmap') && inPageCache(k, slot)) pte.dirty = true;
}

/** `if (pte_dirty(pte)) folio_mark_dirty(folio)` where `site` clears or cleans the PTE, as the proposal's folio_mark_dirty decides. */
export function pte_dirty_to_folio(k: KernelState, pte: Pte, slot: number, site: DirtySite): void {
  if (!pte.dirty) return;
  if (k.hooks.folio_mark_dirty(folioView(k, slot), { site })) folio_mark_dirty(k, slot);
}
