// When the reference's view is the kernel model's view: the same abstract
// state (the refinement check matched) and the same counters, pgmap
// references and memcg usage. Every invariant is a pure function of
// (after, before, step), so on views that agree — after and before — and a
// step with the same result and events, the reference side's verdicts are
// the kernel side's: pair.ts judges once and reports both sides from that.
import { type FrameCounters, sameFrameCounters, type View } from '../../models/view.ts';
import type { Pfn } from '../../models/vocabulary.ts';
import { deepEqual } from './deep-equal.ts';

/** The counters of two views with (already compared) equal abstract states agree. */
export function countersAgree(kernel: View, reference: View): boolean {
  return (
    kernel.era === reference.era && frameCountersAgree(kernel.counters, reference.counters) && deepEqual(kernel.pgmapRefs, reference.pgmapRefs) && deepEqual(kernel.memcgUsage, reference.memcgUsage)
  );
}

/**
 * countersAgree after a step, where the views before it agreed and
 * `touched` names every frame whose counters can have changed on either
 * side (the kernel's by value, the reference's by its inputs: touched.ts):
 * the other frames' counters still agree, so only these are compared.
 */
export function countersAgreeAt(kernel: View, reference: View, touched: readonly Pfn[]): boolean {
  if (kernel.era !== reference.era) return false;
  for (const pfn of touched) {
    if (!sameFrameCounters(kernel.counters[pfn], reference.counters[pfn])) return false;
  }
  return deepEqual(kernel.pgmapRefs, reference.pgmapRefs) && deepEqual(kernel.memcgUsage, reference.memcgUsage);
}

// A frame's four counters compared field by field: this runs every step over
// every frame, where the generic deepEqual's key walks cost several times more.
function frameCountersAgree(a: View['counters'], b: View['counters']): boolean {
  let n = 0;
  for (const pfn in a) {
    const x = a[pfn as unknown as number] as FrameCounters;
    const y = b[pfn as unknown as number];
    if (y === undefined || !sameFrameCounters(x, y)) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}
