// deepEqual of two abstract states (the refinement check's question), with
// the pfn-keyed frame tables compared as their frame lists: enumerating an
// integer-keyed record with for…in makes a string of every key, twice per
// comparison, and the frame tables are most of a state's keys (7% of a
// check step in a profile). Exactly deepEqual's answer: the lists hold the
// frames in ascending pfn order; while each frame sits under its own pfn in
// both tables, equal lists mean the same keys and equal values, and any
// other table is left to deepEqual itself.
import { framesOf } from '../../models/invariants/mappings.ts';
import type { AbsState } from '../../models/state.ts';
import { deepEqual } from './deep-equal.ts';

function sameFrames(a: AbsState, b: AbsState): boolean {
  if (a.frames === b.frames) return true;
  const x = framesOf(a);
  const y = framesOf(b);
  if (x.length !== y.length) return deepEqual(a.frames, b.frames);
  for (let i = 0; i < x.length; i++) {
    const f = x[i];
    const g = y[i];
    // A key holding undefined (deepEqual: absent) or a frame under another pfn's key: the generic walk decides.
    if (f === undefined || g === undefined || a.frames[f.pfn] !== f || b.frames[g.pfn] !== g) return deepEqual(a.frames, b.frames);
    if (f !== g && !deepEqual(f, g)) return false;
  }
  return true;
}

export function sameState(a: AbsState, b: AbsState): boolean {
  if (a === b) return true;
  const x = a as unknown as Readonly<Record<string, unknown>>;
  const y = b as unknown as Readonly<Record<string, unknown>>;
  let defined = 0;
  for (const key in x) {
    const value = x[key];
    if (value === undefined) continue;
    defined++;
    if (key === 'frames') {
      if (!sameFrames(a, b)) return false;
    } else if (value !== y[key] && !deepEqual(value, y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) defined--;
  return defined === 0;
}
