// coherent-evictable: device-coherent memory is only useful if the driver can
// always get it back (TTM eviction, driver unbind). Once short-term references
// are dropped, migrate_device_range moves every in-use page out, and
// memunmap_pages can then finish (KERNEL-SEMANTICS §2.4, §3.6).
import { NO_USERS, settledFrameUsers } from '../derive/frame-users.ts';
import type { AbsPgmap, AbsState } from '../state.ts';
import type { PgmapId } from '../vocabulary.ts';
import { frameLabel, usersText } from './describe.ts';
import type { Invariant } from './invariant.ts';
import { ptesByPfn } from './mappings.ts';
import { argsFor, errnoOf, valueFor } from './step-args.ts';
import { typeClass } from './type-class.ts';

const framesOf = (state: AbsState, pgmap: AbsPgmap) =>
  Array.from({ length: pgmap.npages }, (_, i) => state.frames[pgmap.start + i]).filter((f) => f !== undefined);

/**
 * After a successful migrate_device_range: a page may stay behind only while
 * something that will be dropped soon holds it (migrate_vma_check_page fails
 * on a FOLL_GET reference or a short-term pin). Long-term pins and mappings
 * alone must never keep it: the mappings are unmapped by migrate_device_unmap
 * and a long-term pin of coherent memory must not exist.
 */
function afterEviction(state: AbsState, id: PgmapId, pgmap: AbsPgmap): string[] {
  const users = settledFrameUsers(state);
  const out: string[] = [];
  for (const frame of framesOf(state, pgmap)) {
    if (!frame.inUse) continue;
    const u = users.get(frame.pfn) ?? NO_USERS;
    const shortTerm = u.refs + (u.pins - u.longtermPins);
    if (shortTerm > 0) continue;
    out.push(`${frameLabel(frame)}: still in use after migrate_device_range(${id}) with no short-term reference (${usersText(u)})`);
  }
  return out;
}

/**
 * After memunmap_pages returned EBUSY: the driver can still evict whatever a
 * mapping, GUP reference or pin holds. If no frame of the range is held by
 * any of those, only leaked page or pgmap references remain and
 * wait_for_completion(&pgmap->done) would never return.
 */
function afterUnmapBusy(state: AbsState, id: PgmapId, pgmap: AbsPgmap): string[] {
  const users = settledFrameUsers(state);
  const ptes = ptesByPfn(state);
  const frames = framesOf(state, pgmap);
  const actionable = frames.some((f) => {
    const u = users.get(f.pfn) ?? NO_USERS;
    const mapped = (ptes.get(f.pfn) ?? []).some((at) => at.pte.kind !== 'hwpoison');
    return mapped || (f.inUse && u.maps + u.refs + u.pins > 0);
  });
  if (actionable) return [];
  const inUse = frames.filter((f) => f.inUse);
  const leakedPages = frames.reduce((n, f) => n + f.leaked, 0);
  const held = inUse.length === 0 ? 'no frame in use' : `in use: ${inUse.map(frameLabel).join(', ')}`;
  return [
    `${id} (${pgmap.type}): memunmap_pages returned EBUSY but nothing a driver can release holds it (${held}; leaked page references ${leakedPages}, leaked pgmap references ${pgmap.leaked}): memunmap_pages cannot finish`,
  ];
}

export const coherentEvictable: Invariant = {
  id: 'coherent-evictable',
  statement: 'once short-term references are dropped, migrate_device_range moves every in-use MEMORY_DEVICE_COHERENT page out and memunmap_pages can finish',
  guards: [
    'mm/migrate_device.c: migrate_device_range',
    'mm/migrate_device.c: migrate_vma_check_page',
    'mm/gup.c: __gup_longterm_locked',
    'mm/memremap.c: memunmap_pages',
  ],
  check(after, before, step) {
    if (!before || !step) return [];
    const range = argsFor(step, 'migrate_device_range');
    if (range && valueFor(step, 'migrate_device_range')) {
      const pgmap = after.state.pgmaps[range.pgmap];
      if (pgmap && typeClass(pgmap.type) === 'device-coherent') return afterEviction(after.state, range.pgmap, pgmap);
    }
    const unmap = argsFor(step, 'memunmap_pages');
    if (unmap && errnoOf(step) === 'EBUSY') {
      const pgmap = after.state.pgmaps[unmap.pgmap];
      if (pgmap && typeClass(pgmap.type) === 'device-coherent') return afterUnmapBusy(after.state, unmap.pgmap, pgmap);
    }
    return [];
  },
};
