// Page faults (mm/memory.c handle_mm_fault and its helpers), shared by CPU
// accesses, GUP's faultin_page, hmm_range_fault and make_device_exclusive.
import { match } from 'ts-pattern';
import { ZERO_PFN } from '../vocabulary.ts';
import { do_swap_page, remove_device_exclusive_entry } from './do-swap-page.ts';
import { do_wp_page } from './do-wp-page.ts';
import { folioView, pgmapView } from './folio-view.ts';
import { NO_CTX } from './hook-views.ts';
import { type KernelState, type Proc, type Vma, linear_page_index, slotOf } from './kstate.ts';
import { mem_cgroup_charge } from './memcontrol.ts';
import { new_anon_folio } from './new-anon-folio.ts';
import { PG_hwpoison, PG_lru } from './memmap.ts';
import { alloc_page } from './page-alloc.ts';
import { type FaultResult, OOM, SIGBUS } from './fault-result.ts';
import { set_pte_mapped } from './pgtable.ts';
import { folio_put } from './swap.ts';

export type { FaultError, FaultResult } from './fault-result.ts';

/**
 * handle_mm_fault (mm/memory.c) for one vpn of a VMA the caller checked:
 * populate a none PTE, bring a device-private page back (do_swap_page),
 * restore a device-exclusive entry, then break COW for a write (do_wp_page).
 */
export function handle_mm_fault(k: KernelState, p: Proc, vma: Vma, vpn: number, write: boolean): FaultResult {
  const pte = p.ptes.get(vpn);
  if (!pte) {
    const r = do_pte_missing(k, p, vma, vpn, write);
    if (!r.ok) return r;
  } else {
    const r = match(pte.kind)
      .with('hwpoison', (): FaultResult => ({ ok: false, why: 'HWPOISON' }))
      .with('device-private', () => do_swap_page(k, p, vpn, pte))
      .with('device-exclusive', (): FaultResult => remove_device_exclusive_entry(k, p, vma, vpn))
      .with('present', 'present-devmap', (): FaultResult => ({ ok: true, slot: slotOf(k, pte.pfn) }))
      // do_swap_page → migration_entry_wait (mm/migrate.c): sleep on the page lock, then the
      // CPU retries. Seen between steps only while a migration thread is paused, and then
      // every fault on it waits (thread-blocks.ts); here only an entry no migration will
      // remove (a proposal's bug), which the kernel would fault on for ever: SIGBUS.
      .with('migration', () => SIGBUS)
      .exhaustive();
    if (!r.ok) return r;
  }
  const now = p.ptes.get(vpn);
  if (!now) return SIGBUS;
  if (write && !now.write) return do_wp_page(k, p, vma, vpn, now);
  return { ok: true, slot: slotOf(k, now.pfn) };
}

/**
 * do_pte_missing (mm/memory.c): do_anonymous_page for private anonymous
 * memory (the zero page for a read), the DAX frame for a dax VMA, and
 * do_fault for the page cache: do_read_fault / do_shared_fault map the
 * page-cache page, do_cow_fault copies it for a write to a private mapping.
 */
function do_pte_missing(k: KernelState, p: Proc, vma: Vma, vpn: number, write: boolean): FaultResult {
  if (vma.kind === 'anon' && !vma.shared) return do_anonymous_page(k, p, vpn, write);
  if (vma.kind === 'dax') return dax_fault(k, p, vma, vpn);
  if (write && !vma.shared) return do_cow_fault(k, p, vma, vpn);
  const r = filemap_fault(k, p, vma, vpn);
  if (!r.ok) return r;
  set_pte_mapped(k, p, vpn, { kind: 'present', pfn: k.mem.pfn[r.slot] ?? -1, write: write && vma.shared });
  return r;
}

/**
 * do_cow_fault (mm/memory.c): the COW page is allocated first
 * (vmf->cow_page = alloc_page_vma), then the page-cache page is read
 * (__do_fault), copied, and the copy mapped writable; the page-cache page
 * stays cached, unmapped. If __do_fault fails the COW page goes back
 * (put_page(vmf->cow_page)). docs/operations.md §6.9.
 */
function do_cow_fault(k: KernelState, p: Proc, vma: Vma, vpn: number): FaultResult {
  const cow = alloc_page(k);
  if (cow < 0) return OOM;
  const src = filemap_fault(k, p, vma, vpn);
  if (!src.ok) {
    k.mem.data[cow] = 0;
    folio_put(k, cow);
    return src;
  }
  k.mem.data[cow] = k.mem.data[src.slot] ?? 0;
  k.ghost.cow(p.num, vpn, vma.file, vma.shared, linear_page_index(vma, vpn));
  new_anon_folio(k, cow, p.memcg);
  set_pte_mapped(k, p, vpn, { kind: 'present', pfn: k.mem.pfn[cow] ?? -1, write: true });
  folio_put(k, cow);
  return { ok: true, slot: cow };
}

/** do_anonymous_page (mm/memory.c): the zero page for a read, a new zeroed, charged page for a write. */
function do_anonymous_page(k: KernelState, p: Proc, vpn: number, write: boolean): FaultResult {
  if (!write) {
    set_pte_mapped(k, p, vpn, { kind: 'present', pfn: ZERO_PFN, write: false });
    return { ok: true, slot: ZERO_PFN };
  }
  const slot = alloc_page(k);
  if (slot < 0) return OOM;
  k.mem.data[slot] = 0;
  new_anon_folio(k, slot, p.memcg);
  set_pte_mapped(k, p, vpn, { kind: 'present', pfn: k.mem.pfn[slot] ?? -1, write: true });
  folio_put(k, slot); // the allocation reference (the mapping holds its own)
  return { ok: true, slot };
}

/**
 * filemap_fault (mm/filemap.c; shmem_fault for shmem): find the page-cache
 * page or allocate it (charged to the faulting task, on the LRU; its content
 * read from the file's storage, filemap_read_folio — 0 for a hole, docs
 * §6.8); the allocation reference becomes the page cache's.
 */
function filemap_fault(k: KernelState, p: Proc, vma: Vma, vpn: number): FaultResult {
  const file = vma.file === null ? undefined : k.files.get(vma.file);
  if (!file || vma.file === null) return SIGBUS;
  const index = linear_page_index(vma, vpn);
  const cached = file.pages.get(index);
  if (cached !== undefined) return { ok: true, slot: slotOf(k, cached) };
  const slot = alloc_page(k);
  if (slot < 0) return OOM;
  const m = k.mem;
  m.data[slot] = file.stored.get(index) ?? 0;
  mem_cgroup_charge(k, slot, p.memcg);
  m.file[slot] = vma.file;
  m.fileIndex[slot] = index;
  if (k.hooks.folio_add_lru(folioView(k, slot), NO_CTX)) m.set(slot, PG_lru, true);
  file.pages.set(index, m.pfn[slot] ?? -1);
  return { ok: true, slot };
}

/**
 * dax_iomap_fault / dev_dax_huge_fault (fs/dax.c, drivers/dax/device.c):
 * map the pgmap frame at the file index — pte_devmap in the devmap era —
 * writable iff the shared VMA is. dax_direct_access fails once the device is
 * going away (get_dev_pagemap / dax_alive: the proposal's get_dev_pagemap)
 * or the range is poisoned: VM_FAULT_SIGBUS (dax_fault_return; docs §6.12).
 */
function dax_fault(k: KernelState, p: Proc, vma: Vma, vpn: number): FaultResult {
  const pg = vma.pgmap === null ? undefined : k.pgmaps[vma.pgmap];
  // The file's data starts after the pfns the driver reserved (pfn_first).
  const index = pg ? pg.reserved + linear_page_index(vma, vpn) : -1;
  if (!pg || index >= pg.npages || !k.hooks.get_dev_pagemap(pgmapView(k, pg.num), { index })) return SIGBUS;
  const slot = pg.slot + index;
  if (k.mem.has(slot, PG_hwpoison)) return SIGBUS;
  const kind = k.era.daxRefcount === 'devmap' ? 'present-devmap' : 'present';
  set_pte_mapped(k, p, vpn, { kind, pfn: pg.start + index, write: vma.shared && vma.prot === 'write' });
  return { ok: true, slot };
}
