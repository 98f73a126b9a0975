// The kernel model's View: counters READ from the struct-page arrays, the
// pgmap percpu_ref counts and the memcg page counters (never derived), so
// the invariants judge what the kernel-shaped code actually did.
import type { AbsState } from '../state.ts';
import type { FrameCounters, View } from '../view.ts';
import type { MemcgId, PgmapId } from '../vocabulary.ts';
import type { KernelState } from './kstate.ts';
import { PG_lru } from './memmap.ts';

export function kernelView(k: KernelState, state: AbsState): View {
  const m = k.mem;
  const counters: Record<number, FrameCounters> = {};
  for (let s = 0; s < m.size; s++) {
    counters[m.pfn[s] ?? -1] = {
      refcount: m.refcount[s] ?? 0,
      mapcount: m.mapcount[s] ?? 0,
      pincount: m.pincount[s] ?? 0,
      lru: m.has(s, PG_lru),
    };
  }
  const pgmapRefs: Record<PgmapId, number> = {};
  for (const pg of k.pgmaps) pgmapRefs[`pgmap${pg.num}`] = pg.ref;
  const memcgUsage: Record<MemcgId, number> = {};
  k.memcgUsage.forEach((u, i) => {
    memcgUsage[`m${i}`] = u;
  });
  return { era: k.era, state, counters, pgmapRefs, memcgUsage };
}
