import { describe, expect, it } from 'vitest';
import { ERAS } from '../../models/eras/registry.ts';
import { GUP_PIN_COUNTING_BIAS } from '../../models/vocabulary.ts';
import { anonPage, anonVma, pgmapPfn, pte, stateWith } from './fixtures/state-with.ts';
import { viewOf, withCounters, messagesOf } from './fixtures/view-with.ts';
import { refcountExpected } from '../../models/invariants/refcount-expected.ts';

// p0 maps pfn 1 at vpn 0, holds ref0 and pin0 on it: refcount 1 + 1 + 1024.
const busy = stateWith({
  frames: { 1: anonPage(3) },
  procs: { p0: { vmas: [anonVma(0, 4)], ptes: { 0: pte('present', 1) }, written: { 0: 3 } } },
  refs: { ref0: { pfn: 1, proc: 'p0' } },
  pins: { pin0: { pfn: 1, proc: 'p0', longterm: false, write: true } },
});

describe('refcount-expected', () => {
  it('holds when the counters are the derivation', () => {
    const view = viewOf(busy);
    expect(view.counters[1]?.refcount).toBe(2 + GUP_PIN_COUNTING_BIAS);
    expect(messagesOf(refcountExpected, view)).toEqual([]);
  });

  it('fails on a reference too many, naming the frame and its users', () => {
    const view = withCounters(viewOf(busy), 1, { refcount: 3 + GUP_PIN_COUNTING_BIAS });
    expect(messagesOf(refcountExpected, view)).toEqual([
      `pfn 1 (SYSTEM): refcount ${3 + GUP_PIN_COUNTING_BIAS}, expected ${2 + GUP_PIN_COUNTING_BIAS} (in use; maps 1, refs 1, pins 1 (long-term 0), page cache no)`,
    ]);
  });

  it('fails on a wrong mapcount or pincount', () => {
    const view = withCounters(viewOf(busy), 1, { mapcount: 0, pincount: 2 });
    const out = messagesOf(refcountExpected, view);
    expect(out).toHaveLength(2);
    expect(out[0]).toContain('pfn 1 (SYSTEM): mapcount 0, expected 1');
    expect(out[1]).toContain('pfn 1 (SYSTEM): pincount 2, expected 1');
  });

  it('ignores the zero page', () => {
    expect(messagesOf(refcountExpected, withCounters(viewOf(busy), 0, { refcount: 99, mapcount: 7 }))).toEqual([]);
  });

  it("judges against the view's era: a free COHERENT page idles at 0 in v6.1 but at 1 in v6.0", () => {
    const state = stateWith({ pgmaps: { pgmap0: { type: 'COHERENT' } } });
    const v61 = viewOf(state, 'v6.1');
    expect(messagesOf(refcountExpected, v61)).toEqual([]);
    const out = messagesOf(refcountExpected, { ...v61, era: ERAS['v6.0'] });
    expect(out).toContain(`pfn ${pgmapPfn('pgmap0', 0)} (COHERENT, pgmap0 index 0): refcount 0, expected 1 (free; maps 0, refs 0, pins 0 (long-term 0), page cache no)`);
  });
});
