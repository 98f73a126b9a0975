import { describe, expect, it } from 'vitest';
import { anonVma, pgmapPfn, pte, stateWith } from './fixtures/state-with.ts';
import { viewOf, messagesOf } from './fixtures/view-with.ts';
import { noUseAfterFree } from '../../models/invariants/no-use-after-free.ts';

const daxVma = anonVma(0, 4, { kind: 'dax', shared: true, pgmap: 'pgmap0', file: 'f0' });
const dax = pgmapPfn('pgmap0', 0);

describe('no-use-after-free', () => {
  it('holds for free frames nobody names, and for hwpoison entries', () => {
    const state = stateWith({
      frames: { 5: { allocs: 1, frees: 1, hwpoison: true } },
      procs: { p0: { vmas: [anonVma(0, 1)], ptes: { 0: pte('hwpoison', 5, false) } } },
    });
    expect(messagesOf(noUseAfterFree, viewOf(state))).toEqual([]);
  });

  it('fails on a free frame still referenced, pinned or cached', () => {
    const state = stateWith({
      frames: { 2: { allocs: 1, frees: 1, file: 'f0', fileIndex: 0 } },
      refs: { ref0: { pfn: 2, proc: 'p0' } },
      pins: { pin3: { pfn: 2, proc: 'p0', longterm: true, write: false } },
    });
    expect(messagesOf(noUseAfterFree, viewOf(state))).toEqual([
      'pfn 2 (SYSTEM): free, but GUP reference ref0 held by p0',
      'pfn 2 (SYSTEM): free, but long-term pin pin3 held by p0',
      'pfn 2 (SYSTEM): free, but still in the page cache of f0 index 0',
    ]);
  });

  it('fails on a free frame still mapped', () => {
    const state = stateWith({ procs: { p0: { vmas: [anonVma(0, 1)], ptes: { 0: pte('present', 7) } } } });
    expect(messagesOf(noUseAfterFree, viewOf(state))).toEqual(['pfn 7 (SYSTEM): free, but mapped by the present PTE at p0 vpn 0']);
  });

  it('lets a devmap-era DAX mapping stay on an idle page, but not a refcounted one', () => {
    const state = stateWith({
      pgmaps: { pgmap0: { type: 'FS_DAX', file: 'f0' } },
      procs: { p0: { vmas: [daxVma], ptes: { 0: pte('present-devmap', dax) } } },
    });
    expect(messagesOf(noUseAfterFree, viewOf(state, 'v5.x'))).toEqual([]);
    expect(messagesOf(noUseAfterFree, viewOf(state, 'upstream'))).toEqual([`pfn ${dax} (FS_DAX, pgmap0 index 0): free, but mapped by the present-devmap PTE at p0 vpn 0`]);
  });

  it('fails on anything naming a frame of a removed pgmap', () => {
    const state = stateWith({
      pgmaps: { pgmap0: { type: 'FS_DAX', file: 'f0', killed: true, removed: true } },
      procs: { p0: { vmas: [daxVma], ptes: { 0: pte('present-devmap', dax) } } },
    });
    expect(messagesOf(noUseAfterFree, viewOf(state, 'v5.x'))).toEqual([`pfn ${dax} (FS_DAX, pgmap0 index 0): frame of removed pgmap0, but mapped by the present-devmap PTE at p0 vpn 0`]);
  });
});
