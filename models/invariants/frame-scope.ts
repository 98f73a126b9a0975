// The frames a per-frame rule judges after a step: the ones the step touched
// when the pair names them (StepContext.touched: the state before broke no
// rule, so an untouched frame keeps its clean verdict), else every frame.
// Either way in ascending pfn order, the order of a full scan, so the
// violations come out the same.
import type { AbsFrame } from '../state.ts';
import type { View } from '../view.ts';
import type { StepContext } from './invariant.ts';
import { framesOf } from './mappings.ts';

export function frameScope(after: View, step?: StepContext): readonly AbsFrame[] {
  const touched = step?.touched;
  if (touched === undefined) return framesOf(after.state);
  const out: AbsFrame[] = [];
  for (const pfn of touched) {
    const frame = after.state.frames[pfn];
    if (frame !== undefined) out.push(frame);
  }
  return out;
}
