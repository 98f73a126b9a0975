import { describe, expect, it } from 'vitest';
import { anonPage, anonVma, pte, stateWith } from './fixtures/state-with.ts';
import { viewOf, messagesOf } from './fixtures/view-with.ts';
import { noLongtermPinCoherent } from '../../models/invariants/no-longterm-pin-coherent.ts';

const coherent = (longterm: boolean) =>
  stateWith({
    pgmaps: { pgmap0: { type: 'COHERENT' } },
    frames: { 257: anonPage(1), 3: anonPage(2) },
    procs: { p0: { vmas: [anonVma(0, 2)], ptes: { 0: pte('present', 257), 1: pte('present', 3) }, written: { 0: 1, 1: 2 } } },
    pins: {
      pin0: { pfn: 257, proc: 'p0', longterm, write: true },
      pin1: { pfn: 3, proc: 'p0', longterm: true, write: true },
    },
  });

describe('no-longterm-pin-coherent', () => {
  it('holds for short-term pins of coherent pages and long-term pins of system RAM', () => {
    expect(messagesOf(noLongtermPinCoherent, viewOf(coherent(false), 'v6.1'))).toEqual([]);
  });

  it('fails on a long-term pin of a COHERENT page', () => {
    expect(messagesOf(noLongtermPinCoherent, viewOf(coherent(true), 'v6.1'))).toEqual(['pfn 257 (COHERENT, pgmap0 index 1): long-term pin pin0 held by p0']);
  });

  it('fails on a long-term pin of a v4.14 PUBLIC page', () => {
    const state = stateWith({
      pgmaps: { pgmap0: { type: 'PUBLIC' } },
      frames: { 256: anonPage() },
      procs: { p0: { vmas: [anonVma(0, 1)], ptes: { 0: pte('present-devmap', 256) } } },
      pins: { pin2: { pfn: 256, proc: 'p0', longterm: true, write: false } },
    });
    expect(messagesOf(noLongtermPinCoherent, viewOf(state, 'v4.14'))).toEqual(['pfn 256 (PUBLIC, pgmap0 index 0): long-term pin pin2 held by p0']);
  });
});
