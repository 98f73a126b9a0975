import { describe, expect, it } from 'vitest';
import { anonPage, stateWith } from './fixtures/state-with.ts';
import { viewOf, withPgmapRef, messagesOf } from './fixtures/view-with.ts';
import { pgmapRefBalanced } from '../../models/invariants/pgmap-ref-balanced.ts';

const state = stateWith({ pgmaps: { pgmap0: { type: 'PRIVATE' }, pgmap1: { type: 'FS_DAX' } }, frames: { 256: anonPage() } });

describe('pgmap-ref-balanced', () => {
  it('holds when pgmap->ref is the derivation (per allocation since v6.1, per pfn before)', () => {
    expect(viewOf(state, 'v6.1').pgmapRefs.pgmap0).toBe(2);
    expect(viewOf(state, 'v6.0').pgmapRefs.pgmap0).toBe(5);
    expect(messagesOf(pgmapRefBalanced, viewOf(state, 'v6.1'))).toEqual([]);
    expect(messagesOf(pgmapRefBalanced, viewOf(state, 'v6.0'))).toEqual([]);
  });

  it('fails when a reference is not dropped', () => {
    expect(messagesOf(pgmapRefBalanced, withPgmapRef(viewOf(state, 'v6.1'), 'pgmap0', 3))).toEqual(['pgmap0 (PRIVATE, live): pgmap->ref 3, expected 2']);
  });

  it('fails when memunmap_pages completed with a page in use', () => {
    const removed = stateWith({ pgmaps: { pgmap0: { type: 'PRIVATE', killed: true, removed: true } }, frames: { 257: anonPage() } });
    expect(messagesOf(pgmapRefBalanced, viewOf(removed, 'v6.1'))).toEqual(['pfn 257 (PRIVATE, pgmap0 index 1): in use although memunmap_pages(pgmap0) completed']);
  });

  it('counts no per-pfn reference for the reserved (altmap) pfns (pagemap_range: pfn_len from pfn_first)', () => {
    const reserved = stateWith({ pgmaps: { pgmap0: { type: 'FS_DAX', reserved: 1 } } });
    // 1 initial + 3 per-pfn references (4 pfns, 1 reserved).
    expect(messagesOf(pgmapRefBalanced, withPgmapRef(viewOf(reserved, 'v6.1'), 'pgmap0', 4))).toEqual([]);
    expect(messagesOf(pgmapRefBalanced, withPgmapRef(viewOf(reserved, 'v6.1'), 'pgmap0', 5))).toEqual(['pgmap0 (FS_DAX, live): pgmap->ref 5, expected 4']);
  });
});
