// The initial abstract state (docs/operations.md §0): the zero page, free
// system RAM, one process p0 in the root memcg m0.
import type { Era } from '../eras/era.ts';
import { SYSTEM_FRAMES } from '../limits.ts';
import type { AbsFrame, AbsState } from '../state.ts';
import { type Pfn, ZERO_PFN } from '../vocabulary.ts';

/** A frame that nobody has used yet (data 0, never allocated). */
export function pristineFrame(pfn: Pfn, type: AbsFrame['type'], pgmap: AbsFrame['pgmap'], index: number | null): AbsFrame {
  return {
    pfn,
    type,
    pgmap,
    index,
    inUse: false,
    data: 0,
    memcg: null,
    anon: false,
    file: null,
    fileIndex: null,
    hwpoison: false,
    allocs: 0,
    frees: 0,
  };
}

// The era does not change the initial state; it is a parameter of
// Specification.init for symmetry with the kernel model.
export function initState(_era: Era): AbsState {
  const frames: Record<Pfn, AbsFrame> = {};
  // mm/memory.c: the shared zero page (my_zero_pfn) is always "in use",
  // never charged and never freed.
  frames[ZERO_PFN] = { ...pristineFrame(ZERO_PFN, 'SYSTEM', null, null), inUse: true };
  for (let pfn = 1; pfn <= SYSTEM_FRAMES; pfn++) frames[pfn] = pristineFrame(pfn, 'SYSTEM', null, null);
  return {
    frames,
    pgmaps: {},
    procs: { p0: { memcg: 'm0', vmas: [], ptes: {}, written: {}, sigbus: 0, nextVpn: 0 } },
    files: {},
    memcgs: ['m0'],
    refs: {},
    pins: {},
    failNextAlloc: { device: false, system: false },
    next: { proc: 1, memcg: 1, pgmap: 0, ref: 0, pin: 0, file: 0 },
  };
}
