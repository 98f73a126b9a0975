// touchedFrames names every frame one kind of change can reach, each kind
// alone (a frame's record, its counters, a PTE, a GUP reference, a pin, its
// dev_pagemap), and no other; and a per-frame rule judging only the touched
// frames finds what a full scan finds on every clause case whose state
// before is clean.
import { describe, expect, it } from 'vitest';
import { INVARIANTS } from '../../models/invariants/all.ts';
import type { Invariant, StepContext } from '../../models/invariants/invariant.ts';
import { touchedFrames } from '../../models/invariants/touched.ts';
import type { AbsState } from '../../models/state.ts';
import type { View } from '../../models/view.ts';
import { CLAUSE_CASES } from './fixtures/clause-cases.ts';
import { anonPage, anonVma, pgmapPfn, pte, stateWith } from './fixtures/state-with.ts';
import { stepOf, viewOf, withCounters } from './fixtures/view-with.ts';

// p0 maps vpn 0 → pfn 1 and vpn 1 → pfn 2; pgmap0 (PRIVATE) has four free frames.
const base = stateWith({
  pgmaps: { pgmap0: { type: 'PRIVATE', owner: 'devA' } },
  frames: { 1: anonPage(3), 2: anonPage(4) },
  procs: { p0: { vmas: [anonVma(0, 2)], ptes: { 0: pte('present', 1), 1: pte('present', 2) } } },
  refs: { ref0: { pfn: 1, proc: 'p0' } },
  pins: { pin0: { pfn: 2, proc: 'p0', longterm: false, write: true } },
});
const before = viewOf(base);
// A view of a changed state that shares every untouched object with `before`, as the kernel's abstraction does.
const after = (state: AbsState, over: Partial<View> = {}): View => ({ ...before, state, ...over });
const p0 = base.procs.p0!;
const dev = (i: number) => pgmapPfn('pgmap0', i);

describe('touchedFrames: each kind of change alone', () => {
  it('nothing changed: no frame', () => {
    expect(touchedFrames(before, before)).toEqual([]);
    expect(touchedFrames(before, after({ ...base }))).toEqual([]);
  });

  it("a frame's record", () => {
    expect(touchedFrames(before, after({ ...base, frames: { ...base.frames, 7: { ...base.frames[7]!, data: 9 } } }))).toEqual([7]);
  });

  it("a frame's counters, by value (a new object with equal counters is not a change)", () => {
    expect(touchedFrames(before, withCounters(before, 5, { refcount: 2 }))).toEqual([5]);
    expect(touchedFrames(before, withCounters(before, 5, { lru: true }))).toEqual([5]);
    expect(touchedFrames(before, withCounters(before, 5, {}))).toEqual([]);
  });

  it('a PTE added, removed or moved: both frames it named', () => {
    const ptes = (table: AbsState['procs']['p0']['ptes']) => after({ ...base, procs: { p0: { ...p0, ptes: table } } });
    expect(touchedFrames(before, ptes({ ...p0.ptes, 2: pte('present', 9) }))).toEqual([9]);
    expect(touchedFrames(before, ptes({ 0: p0.ptes[0]! }))).toEqual([2]);
    expect(touchedFrames(before, ptes({ ...p0.ptes, 1: pte('present', 8) }))).toEqual([2, 8]);
    expect(touchedFrames(before, ptes({ ...p0.ptes, 1: pte('present', 2, false) }))).toEqual([2]);
  });

  it('a process gone: the frames it mapped', () => {
    expect(touchedFrames(before, after({ ...base, procs: {} }))).toEqual([1, 2]);
  });

  it('a GUP reference taken, dropped or moved', () => {
    expect(touchedFrames(before, after({ ...base, refs: { ...base.refs, ref1: { pfn: 6, proc: 'p0' } } }))).toEqual([6]);
    expect(touchedFrames(before, after({ ...base, refs: {} }))).toEqual([1]);
    expect(touchedFrames(before, after({ ...base, refs: { ref0: { pfn: 3, proc: 'p0' } } }))).toEqual([1, 3]);
  });

  it('a pin taken, dropped or changed', () => {
    expect(touchedFrames(before, after({ ...base, pins: {} }))).toEqual([2]);
    expect(touchedFrames(before, after({ ...base, pins: { pin0: { ...base.pins.pin0!, longterm: true } } }))).toEqual([2]);
    expect(touchedFrames(before, after({ ...base, pins: { ...base.pins, pin1: { pfn: 5, proc: 'p0', longterm: true, write: false } } }))).toEqual([5]);
  });

  it("a dev_pagemap's record: every frame of its range", () => {
    const pgmap = base.pgmaps.pgmap0!;
    const all = [0, 1, 2, 3].map(dev);
    expect(touchedFrames(before, after({ ...base, pgmaps: { pgmap0: { ...pgmap, killed: true } } }))).toEqual(all);
    expect(touchedFrames(before, after({ ...base, pgmaps: { pgmap0: { ...pgmap, removed: true } } }))).toEqual(all);
    expect(touchedFrames(before, after({ ...base, pgmaps: {} }))).toEqual(all);
    expect(touchedFrames(before, after({ ...base, pgmaps: { pgmap0: { ...pgmap } } }))).toEqual([]);
    const pgmap1 = { ...pgmap, start: pgmapPfn('pgmap1', 0), npages: 2 };
    expect(touchedFrames(before, after({ ...base, pgmaps: { ...base.pgmaps, pgmap1 } }))).toEqual([pgmap1.start, pgmap1.start + 1]);
  });

  it('ascending pfn order, each once, whatever found them', () => {
    const state = { ...base, frames: { ...base.frames, 2: { ...base.frames[2]!, data: 1 } }, refs: { ref0: { pfn: dev(1), proc: 'p0' as const } } };
    expect(touchedFrames(before, after(state))).toEqual([1, 2, dev(1)]);
  });

  it('a memcg gone: every frame must be judged; a memcg added changes nothing', () => {
    const two = viewOf({ ...base, memcgs: ['m0', 'm1'] });
    expect(touchedFrames(two, { ...two, state: { ...two.state, memcgs: ['m0'] } })).toBeUndefined();
    expect(touchedFrames(before, after({ ...base, memcgs: ['m0', 'm1'] }))).toEqual([]);
  });
});

describe('a rule judging the touched frames finds what a full scan finds', () => {
  // Every clause case: from its own state before when that is clean, else
  // from the clean initial state (what any step could have started from).
  const pristine = viewOf(stateWith());
  const cases: (readonly [string, Invariant, View, View, StepContext])[] = CLAUSE_CASES.map((c) => {
    const inv = INVARIANTS.find((i) => i.id === c.invariant)!;
    const from = c.before && inv.check(c.before).length === 0 ? c.before : pristine;
    const step = c.step ?? stepOf('drop_caches', {}, { dropped: 0 });
    return [`${c.invariant} ${c.clause}`, inv, c.after, from, step] as const;
  });

  // page_counter usage judged from the last verdict: a charge to a memcg
  // no usage record names, and a usage record that vanished.
  const memcgRule = INVARIANTS.find((i) => i.id === 'memcg-charge-conserved')!;
  const m1 = viewOf(stateWith({ memcgs: ['m0', 'm1'], frames: { 1: anonPage(3, 'm1') }, procs: { p0: { vmas: [anonVma(0, 1)], ptes: { 0: pte('present', 1) } } } }));
  const noUsageOfM1 = { ...m1, state: { ...m1.state }, memcgUsage: { m0: 0 } };
  const chargedToM9 = after({ ...base, frames: { ...base.frames, 3: { ...base.frames[3]!, memcg: 'm9' } } });
  cases.push(['memcg-charge-conserved usage, a memcg no record names', memcgRule, chargedToM9, before, stepOf('drop_caches', {}, { dropped: 0 })]);
  cases.push(['memcg-charge-conserved usage, a record gone', memcgRule, noUsageOfM1, m1, stepOf('drop_caches', {}, { dropped: 0 })]);

  it.each(cases)('%s', (_, inv, afterView, from, step) => {
    expect(inv.check(from, undefined)).toEqual([]);
    const touched = touchedFrames(from, afterView);
    const full = inv.check(afterView, from, step);
    expect(full.length).toBeGreaterThan(0);
    expect(inv.check(afterView, from, touched === undefined ? step : { ...step, touched })).toEqual(full);
  });
});
