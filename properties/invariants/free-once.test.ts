import { describe, expect, it } from 'vitest';
import { freeOnce } from '../../models/invariants/free-once.ts';
import { anonPage, stateWith } from './fixtures/state-with.ts';
import { viewOf } from './fixtures/view-with.ts';

describe('free-once', () => {
  it('holds when every allocation but the live one was freed once', () => {
    const state = stateWith({ frames: { 1: { ...anonPage(), allocs: 3, frees: 2 }, 2: { allocs: 2, frees: 2 } } });
    expect(freeOnce.check(viewOf(state))).toEqual([]);
  });

  it('fails on a double free', () => {
    const out = freeOnce.check(viewOf(stateWith({ frames: { 2: { allocs: 1, frees: 2 } } })));
    expect(out).toEqual(['pfn 2 (SYSTEM): 2 frees for 1 allocations while free (expected 1 frees): freed more than once per allocation']);
  });

  it('fails on a missed free', () => {
    const out = freeOnce.check(viewOf(stateWith({ frames: { 3: { allocs: 1, frees: 0 } } })));
    expect(out).toHaveLength(1);
    expect(out[0]).toContain('pfn 3 (SYSTEM): 0 frees for 1 allocations while free');
    expect(out[0]).toContain('a free was missed');
  });

  it('fails on a page in use that was freed as often as allocated', () => {
    const out = freeOnce.check(viewOf(stateWith({ pgmaps: { pgmap0: { type: 'PRIVATE' } }, frames: { 4096: { ...anonPage(), frees: 1 } } })));
    expect(out[0]).toContain('pfn 4096 (PRIVATE, pgmap0 index 0): 1 frees for 1 allocations while in use');
  });
});
