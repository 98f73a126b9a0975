// Which parts of two abstract states differ, named by handle, for messages
// of invariants that demand "nothing changed".
import { isDeepStrictEqual } from 'node:util';
import type { AbsState } from '../state.ts';

const RECORDS = ['frames', 'pgmaps', 'procs', 'files', 'refs', 'pins'] as const;

export function stateDiff(a: AbsState, b: AbsState): string[] {
  const out: string[] = [];
  for (const key of RECORDS) {
    const ra: Readonly<Record<string, unknown>> = a[key];
    const rb: Readonly<Record<string, unknown>> = b[key];
    for (const id of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
      if (!isDeepStrictEqual(ra[id], rb[id])) out.push(key === 'frames' ? `pfn ${id}` : `${key} ${id}`);
    }
  }
  if (!isDeepStrictEqual(a.memcgs, b.memcgs)) out.push('memcgs');
  if (!isDeepStrictEqual(a.failNextAlloc, b.failNextAlloc)) out.push('failNextAlloc');
  if (!isDeepStrictEqual(a.next, b.next)) out.push('handle counters');
  return out;
}
