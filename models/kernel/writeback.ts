// Writeback of a file's page cache to its storage (mm/page-writeback.c):
// fsync / msync(MS_SYNC) → vfs_fsync_range → file_write_and_wait_range →
// do_writepages → write_cache_pages, and the eviction of an inode's last
// pages (iput_final → write_inode_now). Only 'file' objects have storage:
// shmem's .fsync is noop_fsync and a dax file's storage is its frames
// (dax_writeback_mapping_range only flushes CPU caches).
import type { OpArgs, OpResult } from '../ops.ts';
import { folioView } from './folio-view.ts';
import { EINVAL, getFile, handleNum } from './handles.ts';
import { type KernelState, type KFile, rmapProc, rmapVpn } from './kstate.ts';
import { PG_dirty } from './memmap.ts';
import { rmap_walk } from './rmap.ts';
import { folio_mark_dirty } from './dirty.ts';

/**
 * folio_mkclean (mm/rmap.c page_vma_mkclean_one): every writable or dirty
 * PTE of the folio in a shared mapping is write-protected and cleaned (the
 * next store faults: wp_page_shared). Returns whether one was cleaned.
 */
function folio_mkclean(k: KernelState, slot: number): boolean {
  let cleaned = false;
  for (const key of rmap_walk(k, slot)) {
    const pte = k.procs.get(rmapProc(key))?.ptes.get(rmapVpn(key));
    if (!pte || (pte.kind !== 'present' && pte.kind !== 'present-devmap') || (!pte.dirty && !pte.write)) continue;
    pte.write = false;
    delete pte.dirty;
    cleaned = true;
  }
  return cleaned;
}

/**
 * folio_clear_dirty_for_io (mm/page-writeback.c): "if (folio_mkclean(folio))
 * folio_mark_dirty(folio)" — the proposal's folio_mark_dirty, site
 * folio_mkclean — then test-and-clear PG_dirty. True when the folio must be
 * written.
 */
function folio_clear_dirty_for_io(k: KernelState, slot: number): boolean {
  if (folio_mkclean(k, slot) && k.hooks.folio_mark_dirty(folioView(k, slot), { site: 'folio_mkclean' })) folio_mark_dirty(k, slot);
  const dirty = k.mem.has(slot, PG_dirty);
  k.mem.set(slot, PG_dirty, false);
  return dirty;
}

/**
 * write_cache_pages (mm/page-writeback.c) over the whole file, index order:
 * each folio that must be written goes to storage (->writepage). The kernel
 * walks the folios tagged dirty; the model has no write-notify (a store only
 * dirties the PTE), so it visits every cached folio and lets
 * folio_clear_dirty_for_io find the dirty bits (docs/operations.md §6.24).
 */
export function write_cache_pages(k: KernelState, f: KFile): void {
  if (f.kind !== 'file') return;
  for (const index of [...f.pages.keys()].sort((a, b) => a - b)) {
    const slot = f.pages.get(index) ?? -1;
    if (slot >= 0 && folio_clear_dirty_for_io(k, slot)) f.stored.set(index, k.mem.data[slot] ?? 0);
  }
}

/** fsync(fd): vfs_fsync_range(file, 0, LLONG_MAX) → filemap_write_and_wait_range. */
export function fsync(k: KernelState, a: OpArgs['fsync']): OpResult<'fsync'> {
  const f = getFile(k, a.file);
  if (!f || handleNum('f', a.file) < 0) return EINVAL;
  write_cache_pages(k, f);
  return {};
}
