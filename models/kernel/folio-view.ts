// The read-only FolioView / PgmapView a proposal hook sees: a fresh frozen
// object read from the struct-page arrays, so a hook cannot write back.
import type { FrameType } from '../vocabulary.ts';
import type { FolioView, PgmapView } from './hooks.ts';
import { type KernelState, page_pgmap } from './kstate.ts';
import { PG_anon, PG_dirty, PG_hwpoison, PG_lru } from './memmap.ts';

/** The frame type of a slot: its pgmap's memory type, or SYSTEM. */
export function frameType(k: KernelState, slot: number): FrameType {
  return page_pgmap(k, slot)?.type ?? 'SYSTEM';
}

export function folioView(k: KernelState, slot: number): FolioView {
  const m = k.mem;
  const pg = page_pgmap(k, slot);
  const file = m.file[slot] ?? -1;
  const memcg = m.memcg[slot] ?? -1;
  return Object.freeze({
    pfn: m.pfn[slot] ?? -1,
    memoryType: pg?.type ?? 'SYSTEM',
    refcount: m.refcount[slot] ?? 0,
    mapcount: m.mapcount[slot] ?? 0,
    pincount: m.pincount[slot] ?? 0,
    anon: m.has(slot, PG_anon),
    mapping: file < 0 ? null : `f${file}`,
    memcg: memcg < 0 ? null : (`m${memcg}` as const),
    owner: pg?.owner ?? null,
    lru: m.has(slot, PG_lru),
    hwpoison: m.has(slot, PG_hwpoison),
    dirty: m.has(slot, PG_dirty),
    zone: pg ? 'DEVICE' : 'NORMAL',
  } satisfies FolioView);
}

export function pgmapView(k: KernelState, num: number): PgmapView {
  const pg = k.pgmaps[num];
  if (!pg) throw new Error(`no pgmap ${num}`);
  return Object.freeze({ type: pg.type, owner: pg.owner, npages: pg.npages, killed: pg.killed, reserved: pg.reserved } satisfies PgmapView);
}
