// Faults on non-present entries that hold a page (mm/memory.c): a
// device-private entry goes back to RAM through its owner's migrate_to_ram
// (do_swap_page), a device-exclusive one is handed back by the device
// (remove_device_exclusive_entry).
import { dmirror_devmem_fault } from './dmirror-migrate.ts';
import { type KernelState, type Proc, type Pte, type Vma, page_pgmap, slotOf } from './kstate.ts';
import { type FaultResult, SIGBUS } from './fault-result.ts';
import { put_ref_page } from './put-ref-page.ts';
import { folio_add_rmap_pte } from './rmap.ts';
import { folio_get } from './swap.ts';
import { folioView } from './folio-view.ts';
import { NO_CTX } from './hook-views.ts';

/**
 * do_swap_page's locals where it drops the PTE lock before migrate_to_ram:
 * the interleaving point 'do_swap_page: pte_unmap_unlock' (threads.ts). A
 * thread paused there keeps this; it is never changed in place.
 */
export interface SwapFault {
  readonly proc: number;
  readonly vpn: number;
  readonly slot: number;
  /** The page reference was taken under the lock (the proposal's do_swap_page). */
  readonly held: boolean;
}

/**
 * do_swap_page (mm/memory.c) on a device-private entry, up to the PTE
 * unlock: pte_offset_map_lock, pte_same (the entry is the one the fault
 * read: the caller found it in this step), then — in 16ce101db85d's order,
 * the proposal's do_swap_page — get_page while the lock keeps the page in
 * place, and pte_unmap_unlock. SIGBUS for an entry with no pgmap.
 */
export function do_swap_page_lock(k: KernelState, p: Proc, vpn: number, pte: Pte): SwapFault | FaultResult {
  const slot = slotOf(k, pte.pfn);
  if (!page_pgmap(k, slot)) return SIGBUS;
  const held = k.hooks.do_swap_page(folioView(k, slot), NO_CTX) === 'get-then-unlock';
  if (held) folio_get(k, slot);
  return { proc: p.num, vpn, slot, held };
}

/**
 * do_swap_page after pte_unmap_unlock: the reference if it was not taken
 * under the lock, the owner's migrate_to_ram (dmirror_devmem_fault), then
 * put_page (the proposal's put_ref_page, site 'do_swap_page'). The new
 * system page keeps the entry's write bit. The driver returns VM_FAULT_OOM
 * when it cannot allocate the system page, VM_FAULT_SIGBUS when the page did
 * not move; else do_swap_page returns 0 and the access is retried, whatever
 * the entry became meanwhile (a madvise(MADV_DONTNEED) that zapped it while
 * the fault was paused leaves none: migrate_vma_collect found a hole,
 * dmirror_devmem_fault returned 0, and the retried access faults a fresh
 * page).
 */
export function do_swap_page_migrate(k: KernelState, f: SwapFault): { readonly ok: true } | Extract<FaultResult, { ok: false }> {
  const p = k.procs.get(f.proc);
  const pg = page_pgmap(k, f.slot);
  if (!p || !pg) return { ok: false, why: 'SIGBUS' };
  if (!f.held) folio_get(k, f.slot);
  const r = dmirror_devmem_fault(k, p, f.vpn, f.slot, pg.owner);
  put_ref_page(k, f.slot, 'do_swap_page');
  if (r !== 'ok') return { ok: false, why: r === 'oom' ? 'OOM' : 'SIGBUS' };
  return { ok: true };
}

/**
 * do_swap_page (mm/memory.c) on a device-private entry, run to its end: the
 * two halves around the PTE unlock with nothing between them, so the page
 * the entry now maps is the one migrate_to_ram put there.
 */
export function do_swap_page(k: KernelState, p: Proc, vpn: number, pte: Pte): FaultResult {
  const f = do_swap_page_lock(k, p, vpn, pte);
  if ('ok' in f) return f;
  const r = do_swap_page_migrate(k, f);
  if (!r.ok) return r;
  const now = p.ptes.get(vpn);
  return now ? { ok: true, slot: slotOf(k, now.pfn) } : SIGBUS;
}

/**
 * remove_device_exclusive_entry (mm/memory.c) → restore_exclusive_pte: the
 * device gives the page back; the PTE becomes present again, writable only
 * while the VMA allows writes (maybe_mkwrite; docs §6.10). The entry kept the
 * reference, and (by default) the map count; one made without the rmap gets
 * it back here.
 */
export function remove_device_exclusive_entry(k: KernelState, p: Proc, vma: Vma, vpn: number): FaultResult {
  const pte = p.ptes.get(vpn);
  if (!pte) return SIGBUS;
  // restore_exclusive_pte: folio_add_anon_rmap_pte where the entry held none.
  if (pte.rmap === false) {
    folio_add_rmap_pte(k, slotOf(k, pte.pfn), p.num, vpn);
    delete pte.rmap;
  }
  pte.kind = 'present';
  pte.write = pte.write && vma.prot === 'write';
  delete pte.owner;
  return { ok: true, slot: slotOf(k, pte.pfn) };
}
