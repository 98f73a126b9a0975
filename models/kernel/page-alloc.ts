// The page allocator (mm/page_alloc.c) for system RAM frames 1..SYSTEM_FRAMES:
// lowest free pfn first, so both models pick the same frame.
import { SYSTEM_FRAMES } from '../limits.ts';
import type { KernelState } from './kstate.ts';
import { mem_cgroup_uncharge } from './memcontrol.ts';
import { PG_anon, PG_dirty, PG_hwpoison, PG_inuse, PG_lru } from './memmap.ts';

/**
 * alloc_page (mm/page_alloc.c __alloc_pages): the lowest free, unpoisoned
 * frame, returned with the allocation reference (prep_new_page →
 * set_page_refcounted). fail_next_alloc injects one failure. -1 on failure.
 */
export function alloc_page(k: KernelState): number {
  if (k.failNextAlloc.system) {
    k.failNextAlloc.system = false;
    return -1;
  }
  return alloc_page_nofail(k);
}

/** alloc_page(__GFP_NOFAIL): fault injection does not apply (should_fail_alloc_page skips NOFAIL). */
export function alloc_page_nofail(k: KernelState): number {
  const m = k.mem;
  for (let s = 1; s <= SYSTEM_FRAMES; s++) {
    if (((m.flags[s] ?? 0) & (PG_inuse | PG_hwpoison)) !== 0) continue;
    m.set(s, PG_inuse, true);
    m.allocs[s] = (m.allocs[s] ?? 0) + 1;
    m.refcount[s] = 1;
    return s;
  }
  return -1;
}

/**
 * free_pages_prepare (mm/page_alloc.c) plus the uncharge every free path does
 * first (__folio_put / free_zone_device_folio → mem_cgroup_uncharge): the
 * frame's memcg, anon and page-cache state go (BUG-04: stale mapping must
 * not survive a free), and PG_dirty with the other page flags
 * (page->flags &= ~PAGE_FLAGS_CHECK_AT_PREP); then it leaves use
 * (free_page_release). Data stays: nobody clears it.
 */
export function free_pages_prepare(k: KernelState, slot: number): void {
  free_pages_clear(k, slot);
  free_page_release(k, slot);
}

/** The uncharge and the flags of free_pages_prepare, the frame still counted in use (a ZONE_DEVICE page until the driver's page_free). */
export function free_pages_clear(k: KernelState, slot: number): void {
  const m = k.mem;
  mem_cgroup_uncharge(k, slot);
  m.set(slot, PG_anon | PG_lru | PG_dirty, false);
  m.file[slot] = -1;
  m.fileIndex[slot] = -1;
}

/** The frame leaves use, one more free of it: back to the buddy allocator, or on the driver's free list. */
export function free_page_release(k: KernelState, slot: number): void {
  const m = k.mem;
  m.set(slot, PG_inuse, false);
  m.frees[slot] = (m.frees[slot] ?? 0) + 1;
}

/** free_unref_folio (mm/page_alloc.c): back to the buddy allocator. */
export function free_unref_folio(k: KernelState, slot: number): void {
  free_pages_prepare(k, slot);
}
