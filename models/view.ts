// What invariants look at: the abstract state plus the counters. The
// reference derives the counters (models/derive/); the kernel model reads them
// from its struct-page arrays and pgmap/memcg counters. An invariant therefore
// judges both implementations the same way.
import type { Era } from './eras/era.ts';
import type { AbsState } from './state.ts';
import type { MemcgId, Pfn, PgmapId } from './vocabulary.ts';

export interface FrameCounters {
  /** page_ref_count / folio_ref_count. */
  readonly refcount: number;
  /** folio_mapcount: PTEs (present, devmap, device-private, device-exclusive) mapping it. */
  readonly mapcount: number;
  /** FOLL_PIN pins (each also adds GUP_PIN_COUNTING_BIAS to refcount for a small folio). */
  readonly pincount: number;
  /** folio_test_lru. */
  readonly lru: boolean;
}

/** Two frames' counters are the same (the same object, or equal field by field); absent only equals absent. */
export function sameFrameCounters(x: FrameCounters | undefined, y: FrameCounters | undefined): boolean {
  if (x === y) return true;
  return x !== undefined && y !== undefined && x.refcount === y.refcount && x.mapcount === y.mapcount && x.pincount === y.pincount && x.lru === y.lru;
}

export interface View {
  readonly era: Era;
  readonly state: AbsState;
  readonly counters: Readonly<Record<Pfn, FrameCounters>>;
  /** pgmap->ref (percpu_ref) count. */
  readonly pgmapRefs: Readonly<Record<PgmapId, number>>;
  /** Pages charged per memcg (page_counter usage). */
  readonly memcgUsage: Readonly<Record<MemcgId, number>>;
}
