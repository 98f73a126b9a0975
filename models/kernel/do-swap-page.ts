// Faults on non-present entries that hold a page (mm/memory.c): a
// device-private entry goes back to RAM through its owner's migrate_to_ram
// (do_swap_page), a device-exclusive one is handed back by the device
// (remove_device_exclusive_entry).
import { dmirror_devmem_fault } from './dmirror-migrate.ts';
import { type KernelState, type Proc, type Pte, type Vma, page_pgmap, slotOf } from './kstate.ts';
import { type FaultResult, OOM, SIGBUS } from './fault-result.ts';
import { put_ref_page } from './put-ref-page.ts';
import { folio_add_rmap_pte } from './rmap.ts';
import { folio_get } from './swap.ts';

/**
 * do_swap_page (mm/memory.c) on a device-private entry: take a reference on
 * the page (16ce101db85d) and call the owner's migrate_to_ram, then drop it
 * (put_page; the proposal's put_ref_page, site 'do_swap_page'); the new
 * system page keeps the entry's write bit. The driver returns VM_FAULT_OOM when it
 * cannot allocate the system page, VM_FAULT_SIGBUS when the page did not move.
 */
export function do_swap_page(k: KernelState, p: Proc, vpn: number, pte: Pte): FaultResult {
  const slot = slotOf(k, pte.pfn);
  const pg = page_pgmap(k, slot);
  if (!pg) return SIGBUS;
  folio_get(k, slot);
  const r = dmirror_devmem_fault(k, p, vpn, slot, pg.owner);
  put_ref_page(k, slot, 'do_swap_page');
  const now = p.ptes.get(vpn);
  if (r !== 'ok') return r === 'oom' ? OOM : SIGBUS;
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
