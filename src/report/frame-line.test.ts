import { describe, expect, it } from 'vitest';
import type { FrameFacts } from './frame-diff.ts';
import { frameLine } from './frame-line.ts';

const facts = (ptes: string[], mapcount: number): FrameFacts => ({ type: 'PRIVATE', inUse: true, refcount: mapcount, mapcount, pincount: 0, ptes, memcg: 'm0', hwpoison: false });

describe('frameLine', () => {
  it('shows a change of several PTEs as one bracketed list to another', () => {
    const two = facts(['p0:0 device-private', 'p1:0 device-private'], 2);
    expect(frameLine({ pfn: 256, before: two, after: facts([], 0) })).toBe(
      'pfn 256 PRIVATE: in-use yes, refcount 2→0, mapcount 2→0, pincount 0, pte [p0:0 device-private; p1:0 device-private]→none, memcg m0',
    );
    expect(frameLine({ pfn: 256, before: facts(['p0:0 device-private w'], 1), after: two })).toContain('pte p0:0 device-private w→[p0:0 device-private; p1:0 device-private],');
  });
});
