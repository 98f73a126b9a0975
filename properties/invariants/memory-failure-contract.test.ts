import { describe, expect, it } from 'vitest';
import type { AbsState } from '../../models/state.ts';
import { anonPage, anonVma, pte, stateWith } from './fixtures/state-with.ts';
import { stepOf, viewOf, messagesOf, withCounters, withPgmapRef } from './fixtures/view-with.ts';
import { memoryFailureContract } from '../../models/invariants/memory-failure-contract.ts';

const byIndex = { pgmap: 'pgmap0' as const, index: 0, countIncreased: true };
const byVpn = { proc: 'p0' as const, vpn: 0, countIncreased: false };

describe('memory-failure-contract', () => {
  describe('device-coherent memory: refused, nothing changed', () => {
    const coherent = stateWith({
      pgmaps: { pgmap0: { type: 'COHERENT' } },
      frames: { 256: anonPage(4) },
      procs: { p0: { vmas: [anonVma(0, 1)], ptes: { 0: pte('present', 256) }, written: { 0: 4 } } },
    });
    const before = viewOf(coherent, 'v6.1');

    it('holds for an errno and an unchanged state', () => {
      expect(messagesOf(memoryFailureContract, before, before, stepOf('memory_failure', byIndex, { errno: 'EBUSY' }))).toEqual([]);
    });

    it('fails when the page is poisoned and the call succeeds', () => {
      const poisoned: AbsState = { ...coherent, frames: { ...coherent.frames, 256: { ...coherent.frames[256]!, hwpoison: true } } };
      expect(messagesOf(memoryFailureContract, viewOf(poisoned, 'v6.1'), before, stepOf('memory_failure', byIndex, {}))).toEqual([
        'pfn 256 (COHERENT, pgmap0 index 0): memory_failure returned {}, expected -EBUSY for device memory',
        'pfn 256 (COHERENT, pgmap0 index 0): memory_failure of device memory changed pfn 256',
      ]);
    });

    it('fails when the page or pgmap reference leaks (BUG-28)', () => {
      const leakedPage = withCounters(before, 256, { refcount: (before.counters[256]?.refcount ?? 0) + 1 });
      expect(messagesOf(memoryFailureContract, leakedPage, before, stepOf('memory_failure', byIndex, { errno: 'EBUSY' }))).toEqual([
        'pfn 256 (COHERENT, pgmap0 index 0): refcount 1 → 2 across memory_failure, expected 1 (a reference it took was not dropped, or one it did not take was)',
      ]);
      const leakedPgmap = withPgmapRef(before, 'pgmap0', (before.pgmapRefs.pgmap0 ?? 0) + 1);
      expect(messagesOf(memoryFailureContract, leakedPgmap, before, stepOf('memory_failure', byIndex, { errno: 'EBUSY' }))).toEqual([
        'pgmap0: pgmap->ref 2 → 3 across memory_failure (get_dev_pagemap reference not dropped)',
      ]);
    });
  });

  describe('system RAM: poisoned, unmapped, mappers killed', () => {
    const mapped = stateWith({
      frames: { 1: anonPage(4) },
      procs: {
        p0: { vmas: [anonVma(0, 1)], ptes: { 0: pte('present', 1, false) }, written: { 0: 4 } },
        p1: { vmas: [anonVma(0, 1)], ptes: { 0: pte('present', 1, false) }, written: { 0: 4 } },
      },
    });
    const poisoned = (sigbus: number, left: 'hwpoison' | 'present' = 'hwpoison'): AbsState => ({
      ...mapped,
      frames: { ...mapped.frames, 1: { ...mapped.frames[1]!, hwpoison: true, inUse: false, frees: 1, memcg: null, anon: false } },
      procs: {
        p0: { ...mapped.procs.p0!, ptes: { 0: pte('hwpoison', 1, false) }, sigbus: 1 },
        p1: { ...mapped.procs.p1!, ptes: { 0: pte(left, 1, false) }, sigbus },
      },
    });
    const before = viewOf(mapped);

    it('holds when every mapper is unmapped and signalled once', () => {
      expect(messagesOf(memoryFailureContract, viewOf(poisoned(1)), before, stepOf('memory_failure', byVpn, {}))).toEqual([]);
    });

    it('fails when a mapper is left mapped and unsignalled', () => {
      expect(messagesOf(memoryFailureContract, viewOf(poisoned(0, 'present')), before, stepOf('memory_failure', byVpn, {}))).toEqual([
        'pfn 1 (SYSTEM): poisoned but still mapped by the present PTE at p1 vpn 0',
        'pfn 1 (SYSTEM): p1 mapped it, sigbus 0 → 0 (expected one SIGBUS)',
      ]);
    });

    it('fails when success leaves the page unpoisoned', () => {
      expect(messagesOf(memoryFailureContract, before, before, stepOf('memory_failure', byVpn, {}))).toEqual(['pfn 1 (SYSTEM): memory_failure left a SYSTEM page unpoisoned']);
    });
  });

  it('fails when a hwpoison page is allocated again, whatever the step', () => {
    const before = stateWith({ frames: { 1: { hwpoison: true, allocs: 1, frees: 1 } } });
    const after = stateWith({ frames: { 1: { ...anonPage(), hwpoison: true, allocs: 2, frees: 1 } } });
    const step = stepOf('cpu_write', { proc: 'p0', vpn: 0, value: 1 }, {});
    expect(messagesOf(memoryFailureContract, viewOf(after), viewOf(before), step)).toEqual(['pfn 1 (SYSTEM): hwpoison, yet allocated again (allocs 1 → 2)']);
    expect(messagesOf(memoryFailureContract, viewOf(before), viewOf(before), step)).toEqual([]);
  });
});
