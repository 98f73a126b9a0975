// The kernel model's View: counters READ from the struct-page arrays, the
// pgmap percpu_ref counts and the memcg page counters (never derived), so
// the invariants judge what the kernel-shaped code actually did.
import type { AbsState } from '../state.ts';
import type { FrameCounters, View } from '../view.ts';
import type { MemcgId, PgmapId } from '../vocabulary.ts';
import type { KernelState } from './kstate.ts';
import { PG_lru } from './memmap.ts';

/** Slot s's counters, `old` itself when they have not changed (no allocation for an untouched frame). */
function countersOf(k: KernelState, s: number, old: FrameCounters | undefined): FrameCounters {
  const m = k.mem;
  const refcount = m.refcount[s] ?? 0;
  const mapcount = m.mapcount[s] ?? 0;
  const pincount = m.pincount[s] ?? 0;
  const lru = m.has(s, PG_lru);
  if (old !== undefined && old.refcount === refcount && old.mapcount === mapcount && old.pincount === pincount && old.lru === lru) return old;
  return { refcount, mapcount, pincount, lru };
}

/** The View of the state; `prev` (the last view) lends the counter objects that did not change. */
export function kernelView(k: KernelState, state: AbsState, prev?: View): View {
  const m = k.mem;
  const counters: Record<number, FrameCounters> = {};
  for (let s = 0; s < m.size; s++) {
    const pfn = m.pfn[s] ?? -1;
    counters[pfn] = countersOf(k, s, prev?.counters[pfn]);
  }
  const pgmapRefs: Record<PgmapId, number> = {};
  for (const pg of k.pgmaps) pgmapRefs[`pgmap${pg.num}`] = pg.ref;
  // A memory_failure paused past get_dev_pagemap holds its pgmap reference
  // for the rest of the operation: the operation's own, which it drops
  // before it returns, and not yet anyone's in the accounting (threads.ts).
  for (const t of k.threads.values()) if ('mf' in t && t.mf.ref) pgmapRefs[`pgmap${t.mf.pgmap}`] = (pgmapRefs[`pgmap${t.mf.pgmap}`] ?? 0) - 1;
  const memcgUsage: Record<MemcgId, number> = {};
  k.memcgUsage.forEach((u, i) => {
    memcgUsage[`m${i}`] = u;
  });
  return { era: k.era, state, counters, pgmapRefs, memcgUsage };
}
