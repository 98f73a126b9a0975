import { describe, expect, it } from 'vitest';
import { freeOnce } from '../../models/invariants/free-once.ts';
import { anonPage, anonVma, pte, stateWith } from './fixtures/state-with.ts';
import { clausesOf, messagesOf, viewOf } from './fixtures/view-with.ts';

describe('free-once', () => {
  it('holds when every allocation but the live one was freed once', () => {
    const state = stateWith({ frames: { 1: { ...anonPage(), allocs: 3, frees: 2 }, 2: { allocs: 2, frees: 2 } }, procs: { p0: { vmas: [anonVma(0, 1)], ptes: { 0: pte('present', 1) } } } });
    expect(messagesOf(freeOnce, viewOf(state))).toEqual([]);
  });

  it('fails on a page in use that nothing holds: its free was missed (BUG-02)', () => {
    const state = stateWith({ pgmaps: { pgmap0: { type: 'PRIVATE' } }, frames: { 256: anonPage() } });
    expect(clausesOf(freeOnce, viewOf(state, 'v6.1'))).toEqual(['missed']);
    expect(messagesOf(freeOnce, viewOf(state, 'v6.1'))).toEqual([
      'pfn 256 (PRIVATE, pgmap0 index 0): in use, but nothing holds it (maps 0, refs 0, pins 0 (long-term 0), page cache no): its free path never ran',
    ]);
  });

  it('holds for a devmap-era DAX frame mapped but not referenced: such a mapping holds nothing', () => {
    const state = stateWith({
      pgmaps: { pgmap0: { type: 'FS_DAX' } },
      procs: { p0: { vmas: [anonVma(0, 1, { kind: 'dax', shared: true, pgmap: 'pgmap0' })], ptes: { 0: pte('present-devmap', 256) } } },
    });
    expect(messagesOf(freeOnce, viewOf(state, 'v5.x'))).toEqual([]);
  });

  it('fails on a double free', () => {
    const out = messagesOf(freeOnce, viewOf(stateWith({ frames: { 2: { allocs: 1, frees: 2 } } })));
    expect(out).toEqual(['pfn 2 (SYSTEM): 2 frees for 1 allocations while free (expected 1 frees): freed more than once per allocation']);
  });

  it('fails on a missed free', () => {
    const out = messagesOf(freeOnce, viewOf(stateWith({ frames: { 3: { allocs: 1, frees: 0 } } })));
    expect(out).toHaveLength(1);
    expect(out[0]).toContain('pfn 3 (SYSTEM): 0 frees for 1 allocations while free');
    expect(out[0]).toContain('a free was missed');
  });

  it('fails on a page in use that was freed as often as allocated', () => {
    const out = messagesOf(freeOnce, viewOf(stateWith({ pgmaps: { pgmap0: { type: 'PRIVATE' } }, frames: { 256: { ...anonPage(), frees: 1 } } })));
    expect(out[0]).toContain('pfn 256 (PRIVATE, pgmap0 index 0): 1 frees for 1 allocations while in use');
  });
});
