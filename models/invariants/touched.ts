// The frames a step touched: those whose per-frame verdict can differ
// between the view before the step and the view after it. A per-frame rule
// reads a frame's record, its counters, its users (the PTEs, GUP references
// and pins naming it), its dev_pagemap's record, the memcgs that exist and
// the era; a frame none of whose inputs changed keeps its verdict. So, when
// `before` broke no rule, only touched frames can break one after the step,
// and a scoped invariant judges those alone (frameScope); the pair falls
// back to every frame after a finding, after a restore and under
// --full-invariants (properties/runner/full-invariants.test.ts compares the
// two modes step by step on every built-in and mutant).
//
// Counters are judged per frame, so only the counters of frames in the
// table count.
//
// Stated from the two views only, never from what the kernel model says it
// did: a frame is untouched when both views hold the same record object (the
// kernel's abstraction reuses an entity's object only while every field is
// equal, properties/kernel/abstract-reuse.test.ts) or equal fields.
import type { AbsGupRef, AbsPgmap, AbsPin, AbsProc, AbsPte, AbsState } from '../state.ts';
import { sameFrameCounters, type View } from '../view.ts';
import type { Pfn } from '../vocabulary.ts';
import { framesOf } from './mappings.ts';

type Add = (pfn: Pfn) => void;

/** Every key of `a` or `b` whose values differ by `same`, handed to `changed` (old, new). */
function eachChanged<V>(a: Readonly<Record<string, V>>, b: Readonly<Record<string, V>>, same: (x: V, y: V) => boolean, changed: (x: V | undefined, y: V | undefined) => void): void {
  if (a === b) return;
  for (const key in b) {
    const x = a[key];
    const y = b[key] as V;
    if (x === undefined || (x !== y && !same(x, y))) changed(x, y);
  }
  for (const key in a) if (b[key] === undefined) changed(a[key], undefined);
}

const samePte = (x: AbsPte, y: AbsPte): boolean => x.kind === y.kind && x.pfn === y.pfn && x.write === y.write && x.owner === y.owner && x.dirty === y.dirty;
const sameRef = (x: AbsGupRef, y: AbsGupRef): boolean => x.pfn === y.pfn && x.proc === y.proc;
const samePin = (x: AbsPin, y: AbsPin): boolean => x.pfn === y.pfn && x.proc === y.proc && x.longterm === y.longterm && x.write === y.write;
const samePgmap = (x: AbsPgmap, y: AbsPgmap): boolean =>
  x.type === y.type && x.owner === y.owner && x.start === y.start && x.npages === y.npages && x.reserved === y.reserved && x.killed === y.killed && x.removed === y.removed && x.file === y.file;
const never = (): boolean => false;

/** Both ends of a changed handle (a PTE, reference or pin that moved names two frames). */
const bothEnds =
  (add: Add) =>
  (x: { readonly pfn: Pfn } | undefined, y: { readonly pfn: Pfn } | undefined): void => {
    if (x) add(x.pfn);
    if (y) add(y.pfn);
  };

function ptesChanged(a: AbsState['procs'], b: AbsState['procs'], add: Add): void {
  const ends = bothEnds(add);
  eachChanged<AbsProc>(a, b, never, (x, y) => eachChanged<AbsPte>(x?.ptes ?? {}, y?.ptes ?? {}, samePte, ends));
}

/** A memcg that existed before and is gone: a charge to it became a dangling one. */
const memcgGone = (a: AbsState, b: AbsState): boolean => a.memcgs !== b.memcgs && a.memcgs.some((m) => !b.memcgs.includes(m));

/**
 * The touched frames' pfns in ascending order (the order a full scan of the
 * pfn-keyed table visits them), or undefined when every frame must be
 * judged (a memcg went away).
 */
export function touchedFrames(before: View, after: View): readonly Pfn[] | undefined {
  const a = before.state;
  const b = after.state;
  if (memcgGone(a, b)) return undefined;
  const touched = new Set<Pfn>();
  const add: Add = (pfn) => touched.add(pfn);
  // A frame's record and its counters, in one walk over the frame list
  // (made once per frame table): keyed lookups, not enumerations, of the
  // pfn-keyed tables (for…in makes a string of every integer key).
  const c0 = before.counters;
  const c1 = after.counters;
  const now = framesOf(b);
  for (const frame of now) {
    const pfn = frame.pfn;
    if (a.frames[pfn] !== frame || !sameFrameCounters(c0[pfn], c1[pfn])) add(pfn);
  }
  // A frame gone from the table (a restore to a smaller memmap).
  const was = framesOf(a);
  if (was !== now && was.length > now.length) for (const frame of was) if (b.frames[frame.pfn] === undefined) add(frame.pfn);
  ptesChanged(a.procs, b.procs, add);
  eachChanged(a.refs, b.refs, sameRef, bothEnds(add));
  eachChanged(a.pins, b.pins, samePin, bothEnds(add));
  // A dev_pagemap's record (killed, removed, its range) is read by each of its frames.
  const range = (p: AbsPgmap | undefined) => {
    if (p) for (let pfn = p.start; pfn < p.start + p.npages; pfn++) add(pfn);
  };
  eachChanged<AbsPgmap>(a.pgmaps, b.pgmaps, samePgmap, (x, y) => {
    range(x);
    range(y);
  });
  return [...touched].sort((p, q) => p - q);
}
