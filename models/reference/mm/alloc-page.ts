// Page allocation (docs/operations.md §0 "Allocation"): system RAM from the
// buddy allocator (mm/page_alloc.c: alloc_pages, lowest free pfn first in
// the model), device pages from a pgmap (the driver's free list, then
// mm/memremap.c: zone_device_page_init).
import type { AbsFrame } from '../../state.ts';
import { SYSTEM_FRAMES } from '../../limits.ts';
import type { PgmapId, Pfn } from '../../vocabulary.ts';
import { type Ctx, writableFrame } from '../draft.ts';
import { frameOf, pgmapOf } from '../handles.ts';

/**
 * What the caller puts in a freshly allocated frame. Without `data` the frame
 * keeps what it held (nobody cleared it: a destination filled only later).
 */
export type PageInit = Pick<AbsFrame, 'memcg' | 'anon'> & Partial<Pick<AbsFrame, 'data' | 'file' | 'fileIndex'>>;

function claim(ctx: Ctx, pfn: Pfn, init: PageInit): Pfn {
  const frame = writableFrame(ctx, pfn);
  frame.inUse = true;
  frame.allocs += 1;
  if (init.data !== undefined) frame.data = init.data;
  frame.memcg = init.memcg;
  frame.anon = init.anon;
  frame.file = init.file ?? null;
  frame.fileIndex = init.fileIndex ?? null;
  return frame.pfn;
}

/**
 * alloc_pages: the lowest free, unpoisoned system pfn, or null. A pending
 * fail_next_alloc(system) fails this allocation and is cleared; `noFail`
 * (__GFP_NOFAIL, the driver's eviction path) ignores it.
 */
export function allocSystemPage(ctx: Ctx, init: PageInit, opts: { readonly noFail?: boolean } = {}): Pfn | null {
  if (!opts.noFail && ctx.s.failNextAlloc.system) {
    ctx.s.failNextAlloc.system = false;
    return null;
  }
  for (let pfn = 1; pfn <= SYSTEM_FRAMES; pfn++) {
    const frame = frameOf(ctx, pfn);
    if (!frame.inUse && !frame.hwpoison) return claim(ctx, pfn, init);
  }
  return null;
}

/**
 * dmirror_devmem_alloc_page + zone_device_page_init: the lowest free index
 * of the pgmap past its reserved pfns. lib/test_hmm.c tests HMM_DMIRROR_FLAG_FAIL_ALLOC before
 * touching its free list, so a pending fail_next_alloc(device) is consumed
 * first; a killed pgmap hands out nothing (zone_device_page_init's
 * percpu_ref_tryget_many fails once memunmap_pages has started).
 */
export function allocDevicePage(ctx: Ctx, pgmapId: PgmapId, init: PageInit): Pfn | null {
  if (ctx.s.failNextAlloc.device) {
    ctx.s.failNextAlloc.device = false;
    return null;
  }
  const pgmap = pgmapOf(ctx, pgmapId);
  if (!pgmap || pgmap.killed) return null;
  // The reserved (altmap) pfns are never on the driver's free list.
  for (let i = pgmap.reserved ?? 0; i < pgmap.npages; i++) {
    const frame = frameOf(ctx, pgmap.start + i);
    if (!frame.inUse && !frame.hwpoison) return claim(ctx, pgmap.start + i, init);
  }
  return null;
}
