// How invariant messages name frames and users, so every message reads the
// same way: "pfn 257 (COHERENT, pgmap0 index 1): ...".
import type { AbsFrame, AbsState } from '../state.ts';
import type { Pfn } from '../vocabulary.ts';

export function frameLabel(frame: AbsFrame): string {
  return frame.pgmap === null ? `pfn ${frame.pfn} (${frame.type})` : `pfn ${frame.pfn} (${frame.type}, ${frame.pgmap} index ${frame.index})`;
}

/** The label of a pfn that may not name a frame (a bad event, a stale handle). */
export function pfnLabel(state: AbsState, pfn: Pfn): string {
  const frame = state.frames[pfn];
  return frame ? frameLabel(frame) : `pfn ${pfn} (no such frame)`;
}
