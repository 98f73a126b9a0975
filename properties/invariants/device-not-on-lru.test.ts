import { describe, expect, it } from 'vitest';
import { deviceNotOnLru } from '../../models/invariants/device-not-on-lru.ts';
import { anonPage, stateWith } from './fixtures/state-with.ts';
import { viewOf, withCounters, messagesOf } from './fixtures/view-with.ts';

const view = viewOf(stateWith({ pgmaps: { pgmap0: { type: 'COHERENT' } }, frames: { 1: anonPage(), 256: anonPage() } }), 'v6.1');

describe('device-not-on-lru', () => {
  it('holds when only system RAM is on the LRU', () => {
    expect(view.counters[1]?.lru).toBe(true);
    expect(messagesOf(deviceNotOnLru, view)).toEqual([]);
  });

  it('fails when a device page is put on the LRU (seed 002, BUG-15)', () => {
    expect(messagesOf(deviceNotOnLru, withCounters(view, 256, { lru: true }))).toEqual(['pfn 256 (COHERENT, pgmap0 index 0): on the LRU']);
  });
});
