import { describe, expect, it } from 'vitest';
import { dataPreserved } from '../../models/invariants/data-preserved.ts';
import { anonPage, anonVma, pte, stateWith } from './fixtures/state-with.ts';
import { stepOf, viewOf, messagesOf } from './fixtures/view-with.ts';

// p0 wrote 5 at vpn 0 (now on device-private pfn 256) and 6 at vpn 1 (pfn 1).
const state = (data0: number, hwpoison = false) =>
  stateWith({
    pgmaps: { pgmap0: { type: 'PRIVATE' } },
    frames: { 256: { ...anonPage(data0), hwpoison }, 1: anonPage(6) },
    procs: { p0: { vmas: [anonVma(0, 2)], ptes: { 0: pte('device-private', 256), 1: pte('present', 1) }, written: { 0: 5, 1: 6 } } },
  });

describe('data-preserved', () => {
  it('holds when every mapped page holds the last value written', () => {
    expect(messagesOf(dataPreserved, viewOf(state(5)))).toEqual([]);
  });

  it('fails when a migrated page lost its data', () => {
    expect(messagesOf(dataPreserved, viewOf(state(0)))).toEqual(['pfn 256 (PRIVATE, pgmap0 index 0): holds 0, but p0 vpn 0 must read 5']);
  });

  it('does not judge a poisoned page', () => {
    expect(messagesOf(dataPreserved, viewOf(state(0, true)))).toEqual([]);
  });

  it('judges what a read returned against the state before the read', () => {
    const before = viewOf(state(5));
    const read = (value: number) => stepOf('cpu_read', { proc: 'p0', vpn: 0 }, { value });
    expect(messagesOf(dataPreserved, before, before, read(5))).toEqual([]);
    expect(messagesOf(dataPreserved, before, before, read(0))).toEqual(['cpu_read of p0 vpn 0 returned 0, but the last value written there is 5']);
  });

  it('judges device_read data page by page', () => {
    const before = viewOf(state(5));
    const read = (data: number[]) => stepOf('device_read', { proc: 'p0', vpn: 0, npages: 2, owner: 'dev0' }, { cpages: 2, faults: 1, data });
    expect(messagesOf(dataPreserved, before, before, read([5, 6]))).toEqual([]);
    expect(messagesOf(dataPreserved, before, before, read([5, 0]))).toEqual(['device_read(dev0) of p0 vpn 1 returned 0, but the last value written there is 6']);
  });
});
