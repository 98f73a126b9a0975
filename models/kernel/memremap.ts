// ZONE_DEVICE page maps (mm/memremap.c): memremap_pages / memunmap_pages,
// the pgmap percpu_ref, zone_device_page_init and free_zone_device_folio.
import { match } from 'ts-pattern';
import type { OpArgs, OpResult } from '../ops.ts';
import { pgmapStart } from '../limits.ts';
import { TYPE_RULES } from '../type-rules.ts';
import { frameType, pgmapView } from './folio-view.ts';
import { EINVAL, getPgmap, npagesOk } from './handles.ts';
import type { FreeDecision } from './hooks.ts';
import { type FreeHalf, type KernelState, type KPgmap, page_pgmap } from './kstate.ts';
import { NO_CTX } from './hook-views.ts';
import { PG_inuse } from './memmap.ts';
import { free_page_release, free_pages_clear } from './page-alloc.ts';
import { wake_up_var } from './wake-up-var.ts';
import { MAP_BY } from '../map-by.ts';

/** Does this pgmap take its percpu_ref per allocated page (v6.1 PRIVATE/COHERENT) rather than per pfn. */
const refPerAlloc = (k: KernelState, pg: KPgmap): boolean => TYPE_RULES[pg.type].pgmapRefPerAlloc(k.era);

/** The pfns a driver reserves (pgmap->altmap.reserve): 0..npages-1 of them, at least one page left. */
const reservedOk = (reserved: unknown, npages: number): reserved is number => typeof reserved === 'number' && Number.isInteger(reserved) && reserved >= 0 && reserved < npages;

/**
 * memremap_pages (mm/memremap.c): percpu_ref_init, then pagemap_range creates
 * the struct pages (memmap_init_zone_device → __init_zone_device_page sets
 * the era's idle count) and, for types without per-allocation references,
 * takes one pgmap reference per usable pfn (percpu_ref_get_many(&pgmap->ref,
 * pfn_len): from pfn_first, past the `reserved` altmap pfns).
 */
export function memremap_pages(k: KernelState, a: OpArgs['memremap_pages']): OpResult<'memremap_pages'> {
  if (k.era.enumValues[a.type] === undefined) return EINVAL;
  if (typeof a.owner !== 'string' || a.owner === '') return EINVAL;
  if (!npagesOk(a.npages)) return EINVAL;
  const reserved = a.reserved ?? 0;
  if (!reservedOk(reserved, a.npages)) return EINVAL;
  const num = k.next.pgmap++;
  const start = pgmapStart(num);
  const idle = TYPE_RULES[a.type].refcount(k.era).idle;
  const slot = k.mem.add(start, a.npages, num, idle);
  let file: number | null = null;
  if (MAP_BY[a.type] === 'dax-mmap') {
    // The dax device / pmem namespace a dax mmap maps (no page cache).
    file = k.next.file++;
    k.files.set(file, { kind: 'dax', npages: a.npages - reserved, pages: new Map(), vmaCount: 0, stored: new Map() });
  }
  const pg: KPgmap = { num, type: a.type, owner: a.owner, start, npages: a.npages, reserved, slot, killed: false, removed: false, file, ref: 1 };
  if (!refPerAlloc(k, pg)) pg.ref += a.npages - reserved;
  k.pgmaps[num] = pg;
  return { pgmap: `pgmap${num}` };
}

/**
 * memunmap_pages (mm/memremap.c): percpu_ref_kill, drop the per-pfn
 * references, then wait_for_completion(&pgmap->done). Whether that wait
 * returns is the proposal's memunmap_pages (by default: only once nothing
 * holds a reference and no page is in use or mapped); one that would wait
 * for ever is EBUSY here, and the driver must evict and call again. Run as a
 * thread it pauses past the wait, before pageunmap_range, with the kill
 * where the proposal's memunmap_pages_kill puts it (memunmap-thread.ts); run
 * atomically both orders are the same.
 */
export function memunmap_pages(k: KernelState, a: OpArgs['memunmap_pages']): OpResult<'memunmap_pages'> {
  const pg = getPgmap(k, a.pgmap);
  if (!pg || pg.removed) return EINVAL;
  percpu_ref_kill(k, pg);
  if (!memunmap_pages_wait(k, pg)) return { errno: 'EBUSY' };
  pageunmap_range(pg);
  return {};
}

/** The references memunmap_pages' kill drops: the initial one, and the per-pfn ones memremap_pages took. */
const killRefs = (k: KernelState, pg: KPgmap): number => 1 + (refPerAlloc(k, pg) ? 0 : pg.npages - pg.reserved);

/**
 * percpu_ref_kill(&pgmap->ref) and, for per-pfn types, percpu_ref_put_many
 * of memremap_pages' references: from here percpu_ref_tryget_live fails
 * (get_dev_pagemap, the driver's allocations: KPgmap.killed). Once only.
 */
export function percpu_ref_kill(k: KernelState, pg: KPgmap): void {
  if (pg.killed) return;
  pg.killed = true;
  pg.ref -= killRefs(k, pg);
}

/**
 * Does wait_for_completion(&pgmap->done) return (the proposal's
 * memunmap_pages), counting pgmap->ref as it is once the kill ran (a
 * proposal that waits first waits for the users' references alone).
 */
export function memunmap_pages_wait(k: KernelState, pg: KPgmap): boolean {
  const m = k.mem;
  let inUse = 0;
  let mapped = 0;
  for (let i = 0; i < pg.npages; i++) {
    const s = pg.slot + i;
    if (m.has(s, PG_inuse)) inUse++;
    if ((m.mapcount[s] ?? 0) > 0) mapped++;
  }
  const ref = pg.killed ? pg.ref : pg.ref - killRefs(k, pg);
  return k.hooks.memunmap_pages(pgmapView(k, pg.num), { inUse, mapped, ref });
}

/** pageunmap_range (mm/memremap.c): the struct pages and the mapping go; the pgmap is removed. */
export function pageunmap_range(pg: KPgmap): void {
  pg.removed = true;
}

/**
 * zone_device_page_init (mm/memremap.c, v6.1+; earlier the driver's get_page
 * on a page idling at 1): the page leaves the driver's free list holding one
 * allocation reference on top of the era's in-use base, and takes a pgmap
 * reference where those are per allocation (percpu_ref_tryget_many).
 */
export function zone_device_page_init(k: KernelState, slot: number): void {
  const pg = page_pgmap(k, slot);
  if (!pg) throw new Error(`zone_device_page_init on system slot ${slot}`);
  const rule = TYPE_RULES[pg.type].refcount(k.era);
  const m = k.mem;
  m.refcount[slot] = (m.refcount[slot] ?? 0) + rule.base + 1 - rule.idle;
  m.set(slot, PG_inuse, true);
  m.allocs[slot] = (m.allocs[slot] ?? 0) + 1;
  if (refPerAlloc(k, pg)) pg.ref++;
}

const FREE_SITE = Object.freeze({ site: 'free_zone_device_folio' as const });

/**
 * free_zone_device_folio (mm/memremap.c; free_zone_device_page before the
 * folio conversion, __put_devmap_managed_page in the 1-based eras): uncharge,
 * clear anon and mapping, then the type's action; PRIVATE/COHERENT drop their
 * per-allocation pgmap reference. v5.18–v6.14 reset the count to one after
 * the callback for types that idle at one.
 *
 * Where the pgmap reference is per allocation (v6.1+ PRIVATE/COHERENT), the
 * driver's page_free and the put are two steps ("pgmap->ops->page_free(page);
 * put_dev_pagemap(pgmap)", read in the current source and in 0dc45ca1ce18's
 * v6.1 version), in the proposal's free_zone_device_folio_ref order, with an
 * interleaving point between them: a thread start that arms `k.freeAt`
 * stops there and leaves the other step to its resume (threads.ts).
 */
export function free_zone_device_folio(k: KernelState, slot: number, d: FreeDecision): void {
  free_pages_clear(k, slot);
  const pg = page_pgmap(k, slot);
  if (d.action === 'driver-free' && pg !== undefined && refPerAlloc(k, pg)) {
    const putFirst = k.hooks.free_zone_device_folio_ref(pgmapView(k, pg.num), NO_CTX) === 'put-before-page-free';
    free_zone_device_folio_step(k, slot, putFirst ? 'put_dev_pagemap' : 'page_free');
    const rest: FreeHalf = { slot, pgmap: pg.num, next: putFirst ? 'page_free' : 'put_dev_pagemap' };
    if (k.freeAt !== undefined && k.freeAt.paused === undefined) k.freeAt.paused = rest;
    else free_zone_device_folio_rest(k, rest);
    return;
  }
  free_page_release(k, slot);
  match(d.action)
    .with('driver-free', () => undefined) // pgmap->ops->page_free: the page returns to the driver's list
    .with('wake-idle', () => wake_up_var(k, slot)) // truncate/hole-punch waiters
    .with('reset-to-one', () => {
      k.mem.refcount[slot] = 1; // folio_set_count(folio, 1)
    })
    .with('buddy', () => undefined) // a proposal handing device memory to the page allocator
    .exhaustive();
  if (!pg) return;
  if (refPerAlloc(k, pg)) free_zone_device_folio_step(k, slot, 'put_dev_pagemap');
  idle_at_one(k, slot, d);
}

/** The step of free_zone_device_folio left after the interleaving point, and what follows it. */
export function free_zone_device_folio_rest(k: KernelState, rest: FreeHalf): void {
  free_zone_device_folio_step(k, rest.slot, rest.next);
  idle_at_one(k, rest.slot, { action: 'driver-free', at: 0 });
}

/**
 * pgmap->ops->page_free (the page goes back on the driver's free list, which
 * lives in the driver's per-pgmap state), or put_dev_pagemap of its
 * per-allocation reference (the proposal's put_dev_pagemap may keep it).
 */
function free_zone_device_folio_step(k: KernelState, slot: number, step: FreeHalf['next']): void {
  if (step === 'page_free') {
    free_page_release(k, slot);
    return;
  }
  const pg = page_pgmap(k, slot);
  if (pg && k.hooks.put_dev_pagemap(pgmapView(k, pg.num), FREE_SITE)) pg.ref--;
}

/** set_page_count(page, 1) for types that idle at one: "prepare for handing out the page again". */
function idle_at_one(k: KernelState, slot: number, d: FreeDecision): void {
  const m = k.mem;
  if (d.action !== 'reset-to-one' && TYPE_RULES[frameType(k, slot)].refcount(k.era).idle === 1 && m.refcount[slot] === 0) m.refcount[slot] = 1;
}
