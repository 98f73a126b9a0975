// Page faults (mm/memory.c handle_mm_fault and its helpers), shared by CPU
// accesses, GUP's faultin_page, hmm_range_fault and make_device_exclusive.
import { match } from 'ts-pattern';
import { TYPE_RULES } from '../type-rules.ts';
import { ZERO_PFN } from '../vocabulary.ts';
import { dmirror_devmem_fault } from './dmirror-migrate.ts';
import { folioView, frameType } from './folio-view.ts';
import { type KernelState, type Proc, type Pte, type Vma, linear_page_index, page_pgmap, slotOf } from './kstate.ts';
import { mem_cgroup_charge } from './memcontrol.ts';
import { PG_anon, PG_hwpoison, PG_lru } from './memmap.ts';
import { alloc_page } from './page-alloc.ts';
import { ptep_clear_mapped, set_pte_mapped } from './pgtable.ts';
import { folio_get, folio_put } from './swap.ts';

/**
 * VM_FAULT_* outcomes the callers translate: VM_FAULT_OOM (no page could be
 * allocated), VM_FAULT_SIGBUS, VM_FAULT_HWPOISON. GUP turns them into
 * -ENOMEM / -EFAULT / -EHWPOISON (vm_fault_to_errno), the CPU into SIGBUS.
 */
export type FaultError = 'SIGBUS' | 'OOM' | 'HWPOISON';
export type FaultResult = { readonly ok: true; readonly slot: number } | { readonly ok: false; readonly why: FaultError };

const SIGBUS: FaultResult = { ok: false, why: 'SIGBUS' };
const OOM: FaultResult = { ok: false, why: 'OOM' };

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
      .with('migration', () => SIGBUS) // never seen between steps
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

/** mem_cgroup_charge + folio_add_new_anon_rmap's anon flag + folio_add_lru for a new anon folio. */
function new_anon_folio(k: KernelState, slot: number, memcg: number): void {
  mem_cgroup_charge(k, slot, memcg);
  k.mem.set(slot, PG_anon, true);
  if (k.hooks.folio_add_lru(folioView(k, slot))) k.mem.set(slot, PG_lru, true);
}

/**
 * filemap_fault (mm/filemap.c; shmem_fault for shmem): find the page-cache
 * page or allocate it (charged to the faulting task, on the LRU; its content
 * read back from the file, filemap_read_folio: the last value written at
 * that index, docs §6.8); the allocation reference becomes the page cache's.
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
  m.data[slot] = k.ghost.fileValue(vma.file, index);
  mem_cgroup_charge(k, slot, p.memcg);
  m.file[slot] = vma.file;
  m.fileIndex[slot] = index;
  if (k.hooks.folio_add_lru(folioView(k, slot))) m.set(slot, PG_lru, true);
  file.pages.set(index, m.pfn[slot] ?? -1);
  return { ok: true, slot };
}

/**
 * dax_iomap_fault / dev_dax_huge_fault (fs/dax.c, drivers/dax/device.c):
 * map the pgmap frame at the file index — pte_devmap in the devmap era —
 * writable iff the shared VMA is. dax_direct_access fails once the device is
 * going away (memunmap_pages started) or the range is poisoned:
 * VM_FAULT_SIGBUS (dax_fault_return; docs §6.12).
 */
function dax_fault(k: KernelState, p: Proc, vma: Vma, vpn: number): FaultResult {
  const pg = vma.pgmap === null ? undefined : k.pgmaps[vma.pgmap];
  const index = linear_page_index(vma, vpn);
  if (!pg || pg.killed || index >= pg.npages) return SIGBUS;
  const slot = pg.slot + index;
  if (k.mem.has(slot, PG_hwpoison)) return SIGBUS;
  const kind = k.era.daxRefcount === 'devmap' ? 'present-devmap' : 'present';
  set_pte_mapped(k, p, vpn, { kind, pfn: pg.start + index, write: vma.shared && vma.prot === 'write' });
  return { ok: true, slot };
}

/**
 * do_swap_page (mm/memory.c) on a device-private entry: take a reference on
 * the page (16ce101db85d) and call the owner's migrate_to_ram; the new system
 * page keeps the entry's write bit. The driver returns VM_FAULT_OOM when it
 * cannot allocate the system page, VM_FAULT_SIGBUS when the page did not move.
 */
export function do_swap_page(k: KernelState, p: Proc, vpn: number, pte: Pte): FaultResult {
  const slot = slotOf(k, pte.pfn);
  const pg = page_pgmap(k, slot);
  if (!pg) return SIGBUS;
  folio_get(k, slot);
  const r = dmirror_devmem_fault(k, p, vpn, slot, pg.owner);
  folio_put(k, slot);
  const now = p.ptes.get(vpn);
  if (r !== 'ok') return r === 'oom' ? OOM : SIGBUS;
  return now ? { ok: true, slot: slotOf(k, now.pfn) } : SIGBUS;
}

/**
 * remove_device_exclusive_entry (mm/memory.c) → restore_exclusive_pte: the
 * device gives the page back; the PTE becomes present again, writable only
 * while the VMA allows writes (maybe_mkwrite; docs §6.10). The entry kept the
 * map count and reference, so nothing else changes.
 */
export function remove_device_exclusive_entry(k: KernelState, p: Proc, vma: Vma, vpn: number): FaultResult {
  const pte = p.ptes.get(vpn);
  if (!pte) return SIGBUS;
  pte.kind = 'present';
  pte.write = pte.write && vma.prot === 'write';
  delete pte.owner;
  return { ok: true, slot: slotOf(k, pte.pfn) };
}

/**
 * do_wp_page (mm/memory.c): a write to a read-only PTE. Shared mappings
 * become writable (wp_page_shared); the zero page and page-cache pages of a
 * private mapping are copied (wp_page_copy); an anon folio is reused in place
 * when wp_can_reuse_anon_folio finds this mapping its only reference (above
 * the era's ZONE_DEVICE base), else copied into new system RAM (HT-26).
 */
export function do_wp_page(k: KernelState, p: Proc, vma: Vma, vpn: number, pte: Pte): FaultResult {
  const slot = slotOf(k, pte.pfn);
  if (vma.shared) {
    pte.write = true;
    return { ok: true, slot };
  }
  if (slot !== ZERO_PFN && k.mem.has(slot, PG_anon) && wp_can_reuse_anon_folio(k, slot)) {
    pte.write = true;
    return { ok: true, slot };
  }
  const copied = wp_page_copy(k, p, vpn, slot);
  if (copied.ok) k.ghost.cow(p.num, vpn, vma.file, vma.shared, linear_page_index(vma, vpn));
  return copied;
}

/** wp_can_reuse_anon_folio (mm/memory.c): "folio_ref_count(folio) > 1" means someone else holds it. */
function wp_can_reuse_anon_folio(k: KernelState, slot: number): boolean {
  const base = TYPE_RULES[frameType(k, slot)].refcount(k.era).base;
  return (k.mem.refcount[slot] ?? 0) - base <= 1;
}

/** wp_page_copy (mm/memory.c): copy into a new anon system page, charged and writable; the old page loses this mapping. */
function wp_page_copy(k: KernelState, p: Proc, vpn: number, old: number): FaultResult {
  const slot = alloc_page(k);
  if (slot < 0) return OOM;
  k.mem.data[slot] = k.mem.data[old] ?? 0;
  new_anon_folio(k, slot, p.memcg);
  const put = ptep_clear_mapped(k, p, vpn);
  set_pte_mapped(k, p, vpn, { kind: 'present', pfn: k.mem.pfn[slot] ?? -1, write: true });
  if (put >= 0) folio_put(k, put);
  folio_put(k, slot);
  return { ok: true, slot };
}
