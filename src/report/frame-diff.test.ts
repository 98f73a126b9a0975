import { describe, expect, it } from 'vitest';
import type { View } from '../../models/view.ts';
import { frameDiff, pfnsNamedIn } from './frame-diff.ts';

const frame = (pfn: number, memcg: string | null) => ({ pfn, type: 'SYSTEM', inUse: true, memcg, hwpoison: false });
function view(refcount: number, mapped: boolean): View {
  return {
    state: {
      frames: { 1: frame(1, 'm0'), 2: frame(2, null) },
      procs: { p0: { ptes: mapped ? { 3: { kind: 'present', pfn: 1, write: true } } : {} } },
    },
    counters: { 1: { refcount, mapcount: mapped ? 1 : 0, pincount: 0, lru: true }, 2: { refcount: 1, mapcount: 0, pincount: 0, lru: true } },
  } as unknown as View;
}

describe('frameDiff', () => {
  it('lists frames that changed, and frames named in messages', () => {
    const changes = frameDiff(view(0, false), view(1, true));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ pfn: 1, before: { refcount: 0, ptes: [] }, after: { refcount: 1, ptes: ['p0:3 present w'], memcg: 'm0' } });
    expect(frameDiff(view(1, true), view(1, true), [2]).map((c) => c.pfn)).toEqual([2]);
  });

  it('finds pfns and pages named in messages', () => {
    expect(pfnsNamedIn(['pfn 256 (COHERENT): pinned', 'frame=7 leaked'])).toEqual([256, 7]);
    expect(pfnsNamedIn(['p0:3.refcount: expected 2, got 1'], view(1, true))).toEqual([1]);
  });
});
