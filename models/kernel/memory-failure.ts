// Memory failure (mm/memory-failure.c): poison a frame, unmap it from every
// process (SIGBUS), drop it from the page cache; ZONE_DEVICE frames go
// through memory_failure_dev_pagemap and the proposal's hook.
import { match } from 'ts-pattern';
import type { OpArgs, OpResult } from '../ops.ts';
import { TYPE_RULES } from '../type-rules.ts';
import { ZERO_PFN } from '../vocabulary.ts';
import { folioView, frameType, pgmapView } from './folio-view.ts';
import { EINVAL, ESRCH, getPgmap, getProc } from './handles.ts';
import { type KernelState, type KPgmap, page_pgmap, rmapProc, rmapVpn, slotOf } from './kstate.ts';
import { PG_hwpoison, PG_inuse } from './memmap.ts';
import { ptep_clear_mapped } from './pgtable.ts';
import { rmap_walk } from './rmap.ts';
import { release_pages } from './swap.ts';

/** The frame memory_failure is asked about: a pgmap page, or what proc's PTE maps (no fault). */
function target_slot(k: KernelState, a: OpArgs['memory_failure']): number | OpResult<'memory_failure'> {
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
 * memory_failure(pfn, flags) (mm/memory-failure.c). With MF_COUNT_INCREASED
 * the madvise caller's page reference is dropped on every path
 * (put_ref_page, BUG-28); the model does not materialise that reference, so
 * taking and dropping it cancel out and `countIncreased` changes nothing.
 */
export function memory_failure(k: KernelState, a: OpArgs['memory_failure']): OpResult<'memory_failure'> {
  const t = target_slot(k, a);
  if (typeof t !== 'number') return t;
  if (k.mem.has(t, PG_hwpoison)) return { errno: 'EHWPOISON' };
  if (t === ZERO_PFN) return { errno: 'EBUSY' }; // a reserved kernel page: MF_IGNORED
  const pg = page_pgmap(k, t);
  if (pg) {
    if (pg.killed) return { errno: 'ENXIO' }; // get_dev_pagemap fails once percpu_ref_kill ran
    return memory_failure_dev_pagemap(k, t, pg);
  }
  return hwpoison_user_mappings(k, t);
}

/** memory_failure_dev_pagemap: the proposal's hook decides refuse or mf_generic_kill_procs. */
export function memory_failure_dev_pagemap(k: KernelState, slot: number, pg: KPgmap): OpResult<'memory_failure'> {
  const d = k.hooks.memory_failure_dev_pagemap(folioView(k, slot), pgmapView(k, pg.num));
  return match(d)
    .with({ action: 'refuse' }, (r): OpResult<'memory_failure'> => ({ errno: r.errno }))
    .with({ action: 'poison-and-kill' }, () => mf_generic_kill_procs(k, slot))
    .exhaustive();
}

/**
 * mf_generic_kill_procs: dax_lock_folio finds no DAX mapping for a DAX-type
 * frame nobody maps (-EBUSY); otherwise SetPageHWPoison, collect_procs and
 * unmap_and_kill.
 */
export function mf_generic_kill_procs(k: KernelState, slot: number): OpResult<'memory_failure'> {
  if (TYPE_RULES[frameType(k, slot)].mapBy === 'dax-mmap' && rmap_walk(k, slot).length === 0) return { errno: 'EBUSY' };
  return hwpoison_user_mappings(k, slot);
}

/**
 * SetPageHWPoison, then hwpoison_user_mappings / unmap_and_kill: every
 * mapping becomes a hwpoison entry (its map count and reference go), each
 * mapping process gets one SIGBUS (kill_procs), a page-cache page is removed
 * from its file (me_pagecache_clean). References still held (GUP) leave the
 * page busy: -EBUSY.
 */
export function hwpoison_user_mappings(k: KernelState, slot: number): OpResult<'memory_failure'> {
  const m = k.mem;
  const pfn = m.pfn[slot] ?? -1;
  m.set(slot, PG_hwpoison, true);
  const batch: number[] = [];
  const killed = new Set<number>();
  for (const key of rmap_walk(k, slot)) {
    const p = k.procs.get(rmapProc(key));
    if (!p) continue;
    const vpn = rmapVpn(key);
    const put = ptep_clear_mapped(k, p, vpn);
    if (put >= 0) batch.push(put);
    p.ptes.set(vpn, { kind: 'hwpoison', pfn, write: false });
    killed.add(p.num);
  }
  for (const num of [...killed].sort((x, y) => x - y)) {
    const p = k.procs.get(num);
    if (!p) continue;
    p.sigbus++;
    k.events.push({ ev: 'sigbus', proc: `p${num}`, pfn });
  }
  const file = m.file[slot] ?? -1;
  if (file >= 0) {
    k.files.get(file)?.pages.delete(m.fileIndex[slot] ?? -1);
    m.file[slot] = -1;
    m.fileIndex[slot] = -1;
    batch.push(slot);
  }
  release_pages(k, batch);
  return m.has(slot, PG_inuse) ? { errno: 'EBUSY' } : {};
}

