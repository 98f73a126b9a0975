// Memory failure (mm/memory-failure.c): poison a frame, unmap it from every
// process (SIGBUS), drop it from the page cache. A ZONE_DEVICE pfn has no
// online page, so memory_failure reaches get_dev_pagemap and
// memory_failure_dev_pagemap *before* TestSetPageHWPoison — read in
// torvalds/linux mm/memory-failure.c (the index's ~v6.2–v6.4 copy, and the
// S-mf ~v6.8 copy): "p = pfn_to_online_page(pfn); if (!p) { ... pgmap =
// get_dev_pagemap(pfn, NULL); put_ref_page(pfn, flags); if (pgmap) return
// memory_failure_dev_pagemap(...); ... -ENXIO }" comes first, and
// mf_generic_kill_procs only SetPageHWPoison()s. So an already poisoned
// device page goes through the dev_pagemap path again; only system RAM
// answers -EHWPOISON.
import { match } from 'ts-pattern';
import type { OpArgs, OpResult } from '../ops.ts';
import { ZERO_PFN } from '../vocabulary.ts';
import { folioView, frameType, pgmapView } from './folio-view.ts';
import { EINVAL, ESRCH, getPgmap, getProc } from './handles.ts';
import type { UnmapAndKillDecision } from './hooks.ts';
import { type KernelState, type KPgmap, page_pgmap, rmapProc, slotOf } from './kstate.ts';
import { PG_hwpoison, PG_inuse } from './memmap.ts';
import { put_ref_page, take_extra_ref } from './put-ref-page.ts';
import { rmap_walk } from './rmap.ts';
import { UNMAP_PAGE_KILL_MAPPERS, unmap_and_kill } from './unmap-and-kill.ts';
import { MAP_BY } from '../map-by.ts';
import { NO_CTX } from './hook-views.ts';

type Result = OpResult<'memory_failure'>;

/** The frame memory_failure is asked about: a pgmap page, or what proc's PTE maps (no fault). */
function target_slot(k: KernelState, a: OpArgs['memory_failure']): number | Result {
  if (a.pgmap !== undefined) {
    const pg = getPgmap(k, a.pgmap);
    if (!pg || typeof a.index !== 'number' || !Number.isInteger(a.index) || a.index < 0 || a.index >= pg.npages) return EINVAL;
    return pg.slot + a.index;
  }
  if (a.proc === undefined) return EINVAL;
  const p = getProc(k, a.proc);
  if (!p) return ESRCH;
  if (a.vpn === undefined) return EINVAL;
  const pte = p.ptes.get(a.vpn);
  if (!pte || pte.kind === 'migration') return { errno: 'EFAULT' };
  return slotOf(k, pte.pfn);
}

/**
 * memory_failure(pfn, flags). With MF_COUNT_INCREASED (`countIncreased`,
 * madvise(MADV_HWPOISON)) the caller's page reference is real: taken here on
 * entry when the page has users, and dropped on every path through
 * put_ref_page (BUG-28). Atomic: a ZONE_DEVICE pfn runs both halves of
 * its path back to back (threads.ts pauses between them).
 */
export function memory_failure(k: KernelState, a: OpArgs['memory_failure']): Result {
  const r = memory_failure_get_dev_pagemap(k, a);
  return isPgmapFailure(r) ? memory_failure_pgmap_held(k, r) : r;
}

/** Did memory_failure_get_dev_pagemap stop at the interleaving point (a ZONE_DEVICE pfn, its pgmap found live). */
export const isPgmapFailure = (r: Result | PgmapFailure): r is PgmapFailure => 'slot' in r;

/**
 * memory_failure's locals at 'memory_failure: get_dev_pagemap' (a ZONE_DEVICE
 * pfn whose pgmap get_dev_pagemap found live): the frame, its pgmap, and
 * whether the pgmap reference is already held (the proposal's
 * get_dev_pagemap_ref: taken under rcu_read_lock, or not yet).
 */
export interface PgmapFailure {
  readonly slot: number;
  readonly pgmap: number;
  readonly ref: boolean;
}

/**
 * memory_failure up to the interleaving point: under mf_mutex, the system
 * RAM path runs to its end; a ZONE_DEVICE pfn (!pfn_to_online_page) goes
 * through get_dev_pagemap — rcu_read_lock, xa_load(&pgmap_array),
 * percpu_ref_tryget_live_rcu, rcu_read_unlock — and put_ref_page right after
 * it on both outcomes ("memory outside kernel control": -ENXIO when the
 * pgmap is going away).
 */
export function memory_failure_get_dev_pagemap(k: KernelState, a: OpArgs['memory_failure']): Result | PgmapFailure {
  const t = target_slot(k, a);
  if (typeof t !== 'number') return t;
  const held = a.countIncreased && take_extra_ref(k, t);
  const pg = page_pgmap(k, t);
  if (pg) {
    const view = pgmapView(k, pg.num);
    const live = k.hooks.get_dev_pagemap(view, { index: t - pg.slot });
    const ref = live && k.hooks.get_dev_pagemap_ref(view, NO_CTX) === 'tryget-under-rcu';
    if (ref) pg.ref++; // percpu_ref_tryget_live_rcu, before rcu_read_unlock
    if (held) put_ref_page(k, t, 'memory_failure');
    return live ? { slot: t, pgmap: pg.num, ref } : { errno: 'ENXIO' };
  }
  if (k.mem.has(t, PG_hwpoison)) {
    // TestSetPageHWPoison: "already hardware poisoned"; MF_COUNT_INCREASED → put_page.
    if (held) put_ref_page(k, t, 'memory_failure');
    return { errno: 'EHWPOISON' };
  }
  if (t === ZERO_PFN) return { errno: 'EBUSY' }; // a reserved kernel page: MF_IGNORED
  unmap_and_kill(k, t, UNMAP_PAGE_KILL_MAPPERS);
  if (held) put_ref_page(k, t, 'memory_failure');
  return still_held(k, t);
}

const MF_SITE = Object.freeze({ site: 'memory_failure' as const });

/**
 * The rest of the ZONE_DEVICE path: memory_failure_dev_pagemap holding the
 * pgmap reference until put_dev_pagemap ("drop pgmap ref acquired in
 * caller"). A reference not taken under RCU is taken now with
 * percpu_ref_get, which does not fail on a ref memunmap_pages killed
 * meanwhile.
 */
export function memory_failure_pgmap_held(k: KernelState, f: PgmapFailure): Result {
  const pg = k.pgmaps[f.pgmap];
  if (!pg) throw new Error(`memory_failure: no pgmap ${f.pgmap}`);
  if (!f.ref) pg.ref++;
  const r = memory_failure_dev_pagemap(k, f.slot, pg);
  if (k.hooks.put_dev_pagemap(pgmapView(k, pg.num), MF_SITE)) pg.ref--;
  return r;
}

/**
 * memory_failure_dev_pagemap: "device metadata space is not recoverable"
 * (!pgmap_pfn_valid → -ENXIO), then the proposal's hook decides refuse or
 * mf_generic_kill_procs.
 */
function memory_failure_dev_pagemap(k: KernelState, slot: number, pg: KPgmap): Result {
  const view = pgmapView(k, pg.num);
  if (!k.hooks.pgmap_pfn_valid(view, { index: slot - pg.slot })) return { errno: 'ENXIO' };
  const d = k.hooks.memory_failure_dev_pagemap(folioView(k, slot), { pgmap: view });
  return match(d)
    .with({ action: 'refuse' }, (r): Result => ({ errno: r.errno }))
    .with({ action: 'poison-and-kill' }, () => mf_generic_kill_procs(k, slot))
    .exhaustive();
}

/**
 * mf_generic_kill_procs: dax_lock_folio finds no DAX mapping for a DAX-type
 * frame nobody maps (-EBUSY); otherwise SetPageHWPoison, collect_procs and
 * unmap_and_kill as the proposal's hook decides.
 */
function mf_generic_kill_procs(k: KernelState, slot: number): Result {
  const mappers = new Set(rmap_walk(k, slot).map(rmapProc));
  if (MAP_BY[frameType(k, slot)] === 'dax-mmap' && mappers.size === 0) return { errno: 'EBUSY' };
  const d: UnmapAndKillDecision = k.hooks.unmap_and_kill(folioView(k, slot), { mappers: mappers.size });
  unmap_and_kill(k, slot, d);
  return still_held(k, slot);
}

/** References still held (GUP) leave the page busy: MF_FAILED, -EBUSY. */
const still_held = (k: KernelState, slot: number): Result => (k.mem.has(slot, PG_inuse) ? { errno: 'EBUSY' } : {});
