// The struct-page array (mem_map / vmemmap): one slot per frame, every field a
// typed array so the hot path never allocates. Slots 0..SYSTEM_FRAMES are
// system RAM (pfn == slot); each pgmap gets a contiguous run of slots when
// memremap_pages creates its struct pages (mm/memremap.c pagemap_range →
// memmap_init_zone_device).
import { SYSTEM_FRAMES } from '../limits.ts';
import type { Pfn } from '../vocabulary.ts';

/** page->flags bits the model needs (include/linux/page-flags.h). */
export const PG_lru = 1;
export const PG_anon = 2; // folio_test_anon (PAGE_MAPPING_ANON in folio->mapping)
export const PG_hwpoison = 4;
/** Allocated (not in the buddy allocator / not on the driver's free list). */
export const PG_inuse = 8;
/** PG_dirty of a page-cache folio (folio_mark_dirty); anonymous memory's is not tracked. */
export const PG_dirty = 16;

const NONE = -1;

/** The integer fields of a slot, for pack(): all but the data. */
const INT_FIELDS = 11;

/** Memmap.pack(): the integer fields field by field (size slots each), then the data. */
export interface PackedMemmap {
  readonly size: number;
  readonly ints: Int32Array;
  readonly data: Float64Array;
}

export class Memmap {
  /** Number of slots in use. */
  size = 0;
  private cap = 0;
  pfn = new Int32Array(0);
  refcount = new Int32Array(0); // page->_refcount
  mapcount = new Int32Array(0); // page->_mapcount + 1
  pincount = new Int32Array(0); // folio->_pincount
  flags = new Uint8Array(0);
  /** memcg index (folio->memcg_data), -1 when uncharged. */
  memcg = new Int32Array(0);
  /** pgmap number (page->pgmap), -1 for system RAM. */
  pgmap = new Int32Array(0);
  /** Page-cache file number (folio->mapping) and index (folio->index), -1 when none. */
  file = new Int32Array(0);
  fileIndex = new Int32Array(0);
  /** The page's contents: one number stands for a page of data. */
  data = new Float64Array(0);
  allocs = new Int32Array(0);
  frees = new Int32Array(0);

  /** Adds `n` slots for pfns start..start+n-1 and returns the first slot. */
  add(start: Pfn, n: number, pgmap: number, refcount: number): number {
    const first = this.size;
    this.grow(first + n);
    for (let i = 0; i < n; i++) {
      const s = first + i;
      this.pfn[s] = start + i;
      this.refcount[s] = refcount;
      this.memcg[s] = NONE;
      this.pgmap[s] = pgmap;
      this.file[s] = NONE;
      this.fileIndex[s] = NONE;
    }
    this.size = first + n;
    return first;
  }

  has(slot: number, flag: number): boolean {
    return ((this.flags[slot] ?? 0) & flag) !== 0;
  }

  set(slot: number, flag: number, on: boolean): void {
    const f = this.flags[slot] ?? 0;
    this.flags[slot] = on ? f | flag : f & ~flag;
  }

  /**
   * The slots in use as two arrays, sharing nothing with this memmap: what a
   * saved state keeps (zdspec explore keeps one per state it will expand;
   * two arrays cost far less memory than twelve) and what structured
   * cloning carries to another thread.
   */
  pack(): PackedMemmap {
    const n = this.size;
    const ints = new Int32Array(n * INT_FIELDS);
    const fields = [this.pfn, this.refcount, this.mapcount, this.pincount, this.flags, this.memcg, this.pgmap, this.file, this.fileIndex, this.allocs, this.frees];
    fields.forEach((a, f) => {
      for (let s = 0; s < n; s++) ints[f * n + s] = a[s] ?? 0;
    });
    return { size: n, ints, data: this.data.slice(0, n) };
  }

  /** A memmap from a packed one: exactly its slots; the next add() grows it as it would any memmap. */
  static unpack(p: PackedMemmap): Memmap {
    const n = p.size;
    const m = new Memmap();
    m.size = n;
    m.cap = n;
    // One copy of the integers, each field a view onto its part: explore
    // restores a state per transition, and eleven separate copies (a
    // backing store each) were most of a restore's cost. The views are
    // this memmap's alone; grow() replaces them with arrays of their own.
    const ints = p.ints.slice();
    const field = (f: number) => ints.subarray(f * n, (f + 1) * n);
    m.pfn = field(0);
    m.refcount = field(1);
    m.mapcount = field(2);
    m.pincount = field(3);
    m.flags = new Uint8Array(field(4));
    m.memcg = field(5);
    m.pgmap = field(6);
    m.file = field(7);
    m.fileIndex = field(8);
    m.allocs = field(9);
    m.frees = field(10);
    m.data = p.data.slice(0, n);
    return m;
  }

  private grow(need: number): void {
    if (need <= this.cap) return;
    const cap = Math.max(need, this.cap * 2, SYSTEM_FRAMES + 1);
    const g = <T extends Int32Array | Uint8Array | Float64Array>(a: T, C: new (n: number) => T): T => {
      const b = new C(cap);
      b.set(a as never);
      return b;
    };
    this.pfn = g(this.pfn, Int32Array);
    this.refcount = g(this.refcount, Int32Array);
    this.mapcount = g(this.mapcount, Int32Array);
    this.pincount = g(this.pincount, Int32Array);
    this.flags = g(this.flags, Uint8Array);
    this.memcg = g(this.memcg, Int32Array);
    this.pgmap = g(this.pgmap, Int32Array);
    this.file = g(this.file, Int32Array);
    this.fileIndex = g(this.fileIndex, Int32Array);
    this.data = g(this.data, Float64Array);
    this.allocs = g(this.allocs, Int32Array);
    this.frees = g(this.frees, Int32Array);
    this.cap = cap;
  }
}
