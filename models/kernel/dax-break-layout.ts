// DAX and truncation (fs/dax.c, fs/xfs/xfs_inode.c xfs_break_dax_layouts,
// fs/ext4/inode.c ext4_break_layouts): before a filesystem frees the blocks
// of a DAX file it unmaps the file and waits until no page of it is busy
// (held for DMA by GUP), else the device would write into freed — and
// reused — storage. The waiter sleeps in ___wait_var_event(page, idle); the
// page's free path wakes it (wake_up_var in free_zone_device_folio /
// __put_devmap_managed_page). A wake-up that never comes leaves the task
// asleep for ever: BUG-01.
import { TYPE_RULES } from '../type-rules.ts';
import { folioView, frameType } from './folio-view.ts';
import { NO_CTX } from './hook-views.ts';
import { type KernelState, type KFile, type KPgmap, linear_page_index } from './kstate.ts';
import { ptep_clear_mapped } from './pgtable.ts';
import { release_pages } from './swap.ts';

/** The pgmap whose pages a dax file is (memremap_pages made the file). */
export function pgmap_of_file(k: KernelState, file: number): KPgmap | undefined {
  return k.pgmaps.find((pg) => pg.file === file);
}

/**
 * unmap_mapping_pages / unmap_mapping_range (mm/memory.c) with even_cows 0
 * over file indices [start, end): every PTE of a VMA of this file mapping a
 * page of that range is zapped; hwpoison entries stay (should_zap_cows), as
 * do private COW copies, which are anonymous memory now. `ours` says whether
 * a frame is the file's page (its page cache, or its dax frame).
 */
export function unmap_mapping_range(k: KernelState, file: number, start: number, end: number, ours: (slot: number) => boolean): void {
  const batch: number[] = [];
  for (const p of [...k.procs.values()].sort((a, b) => a.num - b.num)) {
    for (const vma of p.vmas) {
      if (vma.file !== file) continue;
      for (let vpn = vma.start; vpn < vma.start + vma.npages; vpn++) {
        const index = linear_page_index(vma, vpn);
        const pte = p.ptes.get(vpn);
        if (index < start || index >= end || !pte || (pte.kind !== 'present' && pte.kind !== 'present-devmap') || !ours(pte.pfn)) continue;
        const put = ptep_clear_mapped(k, p, vpn, 'zap_pte_range');
        if (put >= 0) batch.push(put);
      }
    }
  }
  release_pages(k, batch);
}

/** The slot of the dax file's page at index i (past the pfns the driver reserved). */
const daxSlot = (pg: KPgmap, i: number): number => pg.slot + pg.reserved + i;

/**
 * dax_layout_busy_page (fs/dax.c, dax_layout_busy_page_range(mapping, 0,
 * LLONG_MAX) as xfs_break_dax_layouts and ext4_break_layouts call it):
 * unmap the whole file, then the first page (index order) the proposal's
 * dax_layout_busy_page calls busy, or -1.
 */
export function dax_layout_busy_page(k: KernelState, file: number, f: KFile, pg: KPgmap): number {
  unmap_mapping_range(k, file, 0, f.npages, (pfn) => pfn >= pg.start && pfn < pg.start + pg.npages);
  for (let i = 0; i < f.npages; i++) {
    if (k.hooks.dax_layout_busy_page(folioView(k, daxSlot(pg, i)), NO_CTX)) return daxSlot(pg, i);
  }
  return -1;
}

/**
 * The blocks of [start, end) are freed (xfs_free_file_space →
 * truncate_pagecache_range, dax_delete_mapping_range, the extent freed);
 * the filesystem zeroes a block it hands out again for DAX
 * (XFS_BMAPI_ZERO, EXT4_GET_BLOCKS_ZERO), and a dax file keeps one block per
 * index in the model, so the frame reads 0 from now on.
 */
export function dax_free_file_space(k: KernelState, file: number, f: KFile, pg: KPgmap, start: number, end: number): void {
  const last = Math.min(end, f.npages);
  unmap_mapping_range(k, file, start, last, (pfn) => pfn >= pg.start && pfn < pg.start + pg.npages);
  for (let i = start; i < last; i++) {
    k.mem.data[daxSlot(pg, i)] = 0;
    k.ghost.forget(file, i, undefined);
  }
}

/** ___wait_var_event's condition: dax_page_is_idle (the era's idle count: 1 in the devmap era, 0 since the fs/dax series). */
const dax_page_is_idle = (k: KernelState, slot: number): boolean => (k.mem.refcount[slot] ?? 0) === TYPE_RULES[frameType(k, slot)].refcount(k.era).idle;

/**
 * The woken tasks run (after the operation that woke them): each re-checks
 * its condition — asleep again if the page is busy once more — and goes
 * round the break-layouts loop: rescan (a fault may have mapped the file
 * again while it slept: xfs_wait_dax_page drops XFS_MMAPLOCK_EXCL), wait on
 * the next busy page, or punch the hole and return.
 */
export function run_woken_tasks(k: KernelState): void {
  for (const num of [...k.files.keys()].sort((a, b) => a - b)) {
    const f = k.files.get(num);
    const task = f?.punch;
    if (!f || !task?.woken) continue;
    task.woken = false;
    const pg = pgmap_of_file(k, num);
    if (!pg || !dax_page_is_idle(k, task.waitOn)) continue;
    const busy = dax_layout_busy_page(k, num, f, pg);
    if (busy >= 0) {
      task.waitOn = busy;
      continue;
    }
    delete f.punch;
    dax_free_file_space(k, num, f, pg, task.index, task.index + task.npages);
  }
}
