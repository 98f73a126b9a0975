// The HMM test driver's migration plumbing (lib/test_hmm.c): its device page
// allocator and the migrate_vma_* sequence it runs for the migrate ioctls and
// for pgmap->ops->migrate_to_ram. dmirror migrates in 64-page chunks
// (MAX_NPAGES is one chunk): one migrate_vma_setup over the whole range, so
// sources that moved and destinations that did not are put at the end of
// the operation (docs §6.6).
import { type KernelState, type KPgmap, type Proc, rmapProc, slotOf } from './kstate.ts';
import { PG_hwpoison, PG_inuse } from './memmap.ts';
import type { MigrateEntry, MigrateSelect } from './migrate-entry.ts';
import { type MigrationRacer, migrate_device_unmap, migrate_vma_collect } from './migrate-vma-collect.ts';
import { migrate_vma_finalize, migrate_vma_pages } from './migrate-vma-pages.ts';
import { zone_device_page_init } from './memremap.ts';
import { alloc_page } from './page-alloc.ts';

/**
 * dmirror_devmem_alloc_page (lib/test_hmm.c): the lowest free page of the
 * pgmap past its reserved pfns, through zone_device_page_init. Fails when the pgmap is killed
 * ("drivers must not allocate after memunmap_pages") or full, and once after
 * fail_next_alloc. Returns -1 on failure.
 */
export function dmirror_devmem_alloc_page(k: KernelState, pg: KPgmap): number {
  if (k.failNextAlloc.device) {
    k.failNextAlloc.device = false;
    return -1;
  }
  if (pg.killed) return -1;
  // The reserved (altmap) pfns never reach the driver's free list.
  for (let i = pg.reserved; i < pg.npages; i++) {
    const s = pg.slot + i;
    if (((k.mem.flags[s] ?? 0) & (PG_inuse | PG_hwpoison)) !== 0) continue;
    zone_device_page_init(k, s);
    return s;
  }
  return -1;
}

/**
 * One chunk through migrate_vma_setup (migrate_vma_collect, then
 * migrate_device_unmap) → destination allocation in vpn order
 * (dmirror_migrate_alloc_and_copy / dmirror_devmem_fault_alloc_and_copy) →
 * migrate_vma_pages → migrate_vma_finalize. `racer`: a CPU access landing
 * on the migration entries (migrate-racing-fault.ts); `finalize`: a thread's
 * finalize that pauses inside (threads.ts). A thread that stopped in
 * migrate_vma_collect_pmd (k.collectAt) returns with what it collected and
 * goes on with dmirror_migrate_rest when resumed.
 */
export function dmirror_migrate_chunk(
  k: KernelState,
  p: Proc,
  vpn: number,
  npages: number,
  sel: MigrateSelect,
  faultSlot: number,
  allocDst: (e: MigrateEntry) => number,
  racer?: MigrationRacer,
  finalize: (k: KernelState, entries: MigrateEntry[]) => void = migrate_vma_finalize,
): MigrateEntry[] {
  const entries = migrate_vma_collect(k, p, vpn, npages, sel);
  if (k.collectAt?.paused !== undefined) return entries;
  return dmirror_migrate_rest(k, entries, faultSlot, allocDst, racer, finalize);
}

/**
 * The chunk past migrate_vma_collect: migrate_device_unmap, then the rest
 * (dmirror_migrate_pages) — unless a thread armed for migrate_vma_setup's
 * point (k.setupAt) stops there, once try_to_migrate replaced a mapping of
 * another process (threads.ts).
 */
export function dmirror_migrate_rest(
  k: KernelState,
  entries: MigrateEntry[],
  faultSlot: number,
  allocDst: (e: MigrateEntry) => number,
  racer?: MigrationRacer,
  finalize: (k: KernelState, entries: MigrateEntry[]) => void = migrate_vma_finalize,
): MigrateEntry[] {
  migrate_device_unmap(k, entries, faultSlot, racer);
  if (k.setupAt !== undefined && entries.some(unmapped_elsewhere)) {
    k.setupAt.paused = true;
    return entries;
  }
  return dmirror_migrate_pages(k, entries, faultSlot, allocDst, finalize);
}

/** Did migrate_device_unmap turn a mapping of a process other than the collecting one into a migration entry. */
const unmapped_elsewhere = (e: MigrateEntry): boolean => e.migrate && e.migrations.some((key) => rmapProc(key) !== e.proc?.num);

/** Past migrate_vma_setup: the driver's allocation and copy, migrate_vma_pages, finalize. */
export function dmirror_migrate_pages(
  k: KernelState,
  entries: MigrateEntry[],
  faultSlot: number,
  allocDst: (e: MigrateEntry) => number,
  finalize: (k: KernelState, entries: MigrateEntry[]) => void = migrate_vma_finalize,
): MigrateEntry[] {
  for (const e of entries) {
    if (!e.migrate) continue;
    e.dst = allocDst(e);
    if (e.dst < 0) k.events.push({ ev: 'migrate-skip', pfn: e.src < 0 ? 0 : (k.mem.pfn[e.src] ?? -1), reason: 'alloc' });
    // The driver copies the source in (a hole starts zeroed) before migrate_vma_pages.
    else k.mem.data[e.dst] = e.src < 0 ? 0 : (k.mem.data[e.src] ?? 0);
  }
  migrate_vma_pages(k, entries, faultSlot);
  // A thread stops inside it (threads.ts: migrate_device_finalize's point).
  finalize(k, entries);
  return entries;
}

/**
 * dmirror_devmem_fault (lib/test_hmm.c), the pgmap's migrate_to_ram: migrate
 * the faulting device-private page (SELECT_DEVICE_PRIVATE, this pgmap's
 * owner, fault_page set) to a new system page. 'oom' when the system page
 * could not be allocated (dmirror_devmem_fault_alloc_and_copy:
 * VM_FAULT_OOM), 'sigbus' when the page did not move for another reason.
 * 'ok' too when the entry no longer maps the faulting page (only while the
 * fault was paused: a madvise(MADV_DONTNEED) zapped it, maybe a migration
 * put another page there): migrate_vma_setup collected a hole, or that
 * other page, which moves as the faulting one would; the driver returns 0,
 * and the access is retried on whatever the entry is now. The allocation
 * for that other page failing is 'oom' all the same.
 */
export function dmirror_devmem_fault(k: KernelState, p: Proc, vpn: number, faultSlot: number, owner: string): 'ok' | 'oom' | 'sigbus' {
  const sel: MigrateSelect = { system: false, devicePrivate: true, deviceCoherent: false, owner };
  let oom = false;
  dmirror_migrate_chunk(k, p, vpn, 1, sel, faultSlot, () => {
    const slot = alloc_page(k);
    oom ||= slot < 0;
    return slot;
  });
  // dmirror_devmem_fault_alloc_and_copy: a failed allocation is VM_FAULT_OOM
  // whichever page the collect found — the faulting one, or the one a fault
  // paused since its PTE unlock finds there instead (lib/test_hmm.c, read).
  if (oom) return 'oom';
  const now = p.ptes.get(vpn);
  if (now?.kind !== 'device-private' || slotOf(k, now.pfn) !== faultSlot) return 'ok';
  return 'sigbus';
}
