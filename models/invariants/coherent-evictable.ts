// coherent-evictable: device-coherent memory is only useful if the driver can
// always get it back (TTM eviction, driver unbind). Once short-term references
// are dropped, eviction — migrate_device_range since v6.1, the driver's own
// migrate_vma over a range (migrate_to_ram) before — moves every in-use page
// out, and memunmap_pages can then finish (KERNEL-SEMANTICS §2.4, §3.6).
import type { AbsPgmap, AbsState } from '../state.ts';
import type { OpArgs } from '../ops.ts';
import type { PgmapId } from '../vocabulary.ts';
import { frameLabel } from './describe.ts';
import { type Invariant, type StepContext, type Violation, violation } from './invariant.ts';
import { argsFor, errnoOf, valueFor } from './step-args.ts';
import { typeClass } from './type-class.ts';
import { users, usersText } from './users.ts';

const framesOf = (state: AbsState, pgmap: AbsPgmap) => Array.from({ length: pgmap.npages }, (_, i) => state.frames[pgmap.start + i]).filter((f) => f !== undefined);

/**
 * After a successful migrate_device_range: a page may stay behind only while
 * something that will be dropped soon holds it (migrate_vma_check_page fails
 * on a FOLL_GET reference or a short-term pin). Long-term pins and mappings
 * alone must never keep it: the mappings are unmapped by migrate_device_unmap
 * and a long-term pin of coherent memory must not exist. The destinations
 * are __GFP_NOFAIL, which the kernel gets by reclaim or the OOM killer; the
 * model has neither, so with every system frame in use a page stays (a
 * migrate-skip 'alloc'), as after migrate_to_ram.
 */
function afterEviction(state: AbsState, step: StepContext, id: PgmapId, pgmap: AbsPgmap): Violation[] {
  const out: Violation[] = [];
  const noMemory = outOfMemory(step);
  for (const frame of framesOf(state, pgmap)) {
    if (!frame.inUse || noMemory.has(frame.pfn)) continue;
    const u = users(state, frame.pfn);
    if (u.refs + (u.pins - u.longtermPins) > 0) continue;
    out.push(violation('eviction', `${frameLabel(frame)}: still in use after migrate_device_range(${id}) with no short-term reference (${usersText(u)})`));
  }
  return out;
}

/**
 * After migrate_to_ram of a range (how a driver evicts before
 * migrate_device_range existed, v6.1): a page of the coherent pgmap that the
 * range mapped and that is still mapped there stays only for a short-term
 * reference or pin — or because no system page could be allocated for it
 * (the driver's alloc_page is not __GFP_NOFAIL: a migrate-skip 'alloc').
 */
function afterRangeEviction(before: AbsState, after: AbsState, step: StepContext, a: OpArgs['migrate_to_ram']): Violation[] {
  const { proc, vpn, npages, pgmap: id } = a;
  const noMemory = outOfMemory(step);
  const out: Violation[] = [];
  for (let v = vpn; v < vpn + npages; v++) {
    const was = before.procs[proc]?.ptes[v];
    const now = after.procs[proc]?.ptes[v];
    const frame = now ? after.frames[now.pfn] : undefined;
    if (!was || !now || !frame || now.pfn !== was.pfn || frame.pgmap !== id || !frame.inUse || now.kind === 'hwpoison' || noMemory.has(frame.pfn)) continue;
    const u = users(after, frame.pfn);
    if (u.refs + (u.pins - u.longtermPins) > 0) continue;
    out.push(violation('eviction', `${frameLabel(frame)}: still mapped at ${proc} vpn ${v} after migrate_to_ram(${id}) with no short-term reference (${usersText(u)})`));
  }
  return out;
}

/** The pages a migration left where they were because no system page could be allocated for them. */
const outOfMemory = (step: StepContext): ReadonlySet<number> => new Set(step.events.flatMap((e) => (e.ev === 'migrate-skip' && e.reason === 'alloc' ? [e.pfn] : [])));

/**
 * After memunmap_pages returned EBUSY: the driver can still evict whatever a
 * mapping, GUP reference or pin holds. If no frame of the range is held by
 * any of those, something holds a page or pgmap reference nobody can give
 * back, and wait_for_completion(&pgmap->done) would never return.
 */
function afterUnmapBusy(state: AbsState, id: PgmapId, pgmap: AbsPgmap): Violation[] {
  const frames = framesOf(state, pgmap);
  const releasable = frames.some((f) => {
    const u = users(state, f.pfn);
    return u.maps + u.refs + u.pins > 0;
  });
  if (releasable) return [];
  const inUse = frames.filter((f) => f.inUse);
  const held = inUse.length === 0 ? 'no frame in use' : `in use with no user: ${inUse.map(frameLabel).join(', ')}`;
  return [violation('teardown', `${id} (${pgmap.type}): memunmap_pages returned EBUSY but nothing a driver can release holds it (${held}): memunmap_pages cannot finish`)];
}

export const coherentEvictable: Invariant = {
  id: 'coherent-evictable',
  statement: 'once short-term references are dropped, migrate_device_range moves every in-use MEMORY_DEVICE_COHERENT page out and memunmap_pages can finish',
  guards: ['mm/migrate_device.c: migrate_device_range', 'mm/migrate_device.c: migrate_vma_check_page', 'mm/gup.c: __gup_longterm_locked', 'mm/memremap.c: memunmap_pages'],
  clauses: [
    {
      id: 'eviction',
      statement:
        'after the driver evicts a device-coherent pgmap (migrate_device_range, or migrate_to_ram of a range), a page of it left behind is held by a short-term reference or pin, or no system page could be allocated for it',
    },
    { id: 'teardown', statement: 'memunmap_pages of a device-coherent pgmap is busy only while a mapping, reference or pin the driver can release holds one of its pages' },
  ],
  check(after, before, step) {
    if (!before || !step) return [];
    const range = argsFor(step, 'migrate_device_range');
    if (range && valueFor(step, 'migrate_device_range')) {
      const pgmap = after.state.pgmaps[range.pgmap];
      if (pgmap && typeClass(pgmap.type) === 'device-coherent') return afterEviction(after.state, step, range.pgmap, pgmap);
    }
    const toRam = argsFor(step, 'migrate_to_ram');
    if (toRam && valueFor(step, 'migrate_to_ram')) {
      const pgmap = after.state.pgmaps[toRam.pgmap];
      if (pgmap && typeClass(pgmap.type) === 'device-coherent') return afterRangeEviction(before.state, after.state, step, toRam);
    }
    const unmap = argsFor(step, 'memunmap_pages');
    if (unmap && errnoOf(step) === 'EBUSY') {
      const pgmap = after.state.pgmaps[unmap.pgmap];
      if (pgmap && typeClass(pgmap.type) === 'device-coherent') return afterUnmapBusy(after.state, unmap.pgmap, pgmap);
    }
    return [];
  },
  // The driver evicted a device-coherent pgmap (migrate_device_range, or
  // migrate_to_ram of a range), or its memunmap_pages was busy.
  applies(after, before, step) {
    if (!before || !step) return false;
    const id =
      (valueFor(step, 'migrate_device_range') ? argsFor(step, 'migrate_device_range')?.pgmap : undefined) ??
      (valueFor(step, 'migrate_to_ram') ? argsFor(step, 'migrate_to_ram')?.pgmap : undefined) ??
      (errnoOf(step) === 'EBUSY' ? argsFor(step, 'memunmap_pages')?.pgmap : undefined);
    const pgmap = id === undefined ? undefined : after.state.pgmaps[id];
    return pgmap !== undefined && typeClass(pgmap.type) === 'device-coherent';
  },
};
