import { describe, expect, it } from 'vitest';
import type { AbsPin, AbsState } from '../../models/state.ts';
import type { MemoryType } from '../../models/vocabulary.ts';
import { coherentEvictable } from '../../models/invariants/coherent-evictable.ts';
import { anonPage, anonVma, pte, stateWith } from './fixtures/state-with.ts';
import { stepOf, viewOf, messagesOf } from './fixtures/view-with.ts';

const range = (cpages: number) => stepOf('migrate_device_range', { pgmap: 'pgmap0' }, { cpages });

/** pgmap0 index 0 left in use and mapped by p0, held by `pin0` (if any) and `refs` FOLL_GET refs. */
function leftBehind(type: MemoryType, pin: Partial<AbsPin> | null, refs = 0): AbsState {
  return stateWith({
    pgmaps: { pgmap0: { type } },
    frames: { 256: anonPage(9) },
    procs: { p0: { vmas: [anonVma(0, 1)], ptes: { 0: pte(type === 'PRIVATE' ? 'device-private' : 'present', 256) }, written: { 0: 9 } } },
    pins: pin ? { pin0: { pfn: 256, proc: 'p0', longterm: true, write: true, ...pin } } : {},
    refs: Object.fromEntries(Array.from({ length: refs }, (_, i) => [`ref${i}`, { pfn: 256, proc: 'p0' }])),
  });
}

describe('coherent-evictable', () => {
  it('fails when migrate_device_range leaves a page held only by a long-term pin', () => {
    const after = viewOf(leftBehind('COHERENT', {}), 'v6.0');
    expect(messagesOf(coherentEvictable, after, after, range(0))).toEqual([
      'pfn 256 (COHERENT, pgmap0 index 0): still in use after migrate_device_range(pgmap0) with no short-term reference (maps 1, refs 0, pins 1 (long-term 1), page cache no)',
    ]);
  });

  it('fails when only mappings keep the page', () => {
    const after = viewOf(leftBehind('COHERENT', null), 'v6.1');
    expect(messagesOf(coherentEvictable, after, after, range(0))[0]).toContain('with no short-term reference (maps 1, refs 0, pins 0');
  });

  it('holds while a FOLL_GET reference or a short-term pin holds the page', () => {
    const byRefs = viewOf(leftBehind('COHERENT', null, 2), 'v6.1');
    expect(messagesOf(coherentEvictable, byRefs, byRefs, range(0))).toEqual([]);
    const byPin = viewOf(leftBehind('COHERENT', { longterm: false }), 'v6.1');
    expect(messagesOf(coherentEvictable, byPin, byPin, range(0))).toEqual([]);
  });

  it('holds when no system page could be allocated for it (every frame in use: the model has no reclaim for __GFP_NOFAIL)', () => {
    const v = viewOf(leftBehind('COHERENT', null), 'v6.1');
    const noMemory = stepOf('migrate_device_range', { pgmap: 'pgmap0' }, { cpages: 0 }, [{ ev: 'migrate-skip', pfn: 256, reason: 'alloc' }]);
    expect(messagesOf(coherentEvictable, v, v, noMemory)).toEqual([]);
    // Another page's failed allocation does not excuse this one.
    const other = stepOf('migrate_device_range', { pgmap: 'pgmap0' }, { cpages: 0 }, [{ ev: 'migrate-skip', pfn: 257, reason: 'alloc' }]);
    expect(messagesOf(coherentEvictable, v, v, other)).toHaveLength(1);
  });

  it('holds when eviction emptied the pgmap, and does not judge PRIVATE pgmaps or failed calls', () => {
    const empty = viewOf(stateWith({ pgmaps: { pgmap0: { type: 'COHERENT' } } }), 'v6.1');
    expect(messagesOf(coherentEvictable, empty, empty, range(1))).toEqual([]);
    const priv = viewOf(leftBehind('PRIVATE', null), 'v6.1');
    expect(messagesOf(coherentEvictable, priv, priv, range(0))).toEqual([]);
    const coh = viewOf(leftBehind('COHERENT', {}), 'v6.1');
    expect(messagesOf(coherentEvictable, coh, coh, stepOf('migrate_device_range', { pgmap: 'pgmap0' }, { errno: 'EINVAL' }))).toEqual([]);
  });

  it('fails when memunmap_pages is busy with a page nothing holds (a leaked reference)', () => {
    const state = stateWith({ pgmaps: { pgmap0: { type: 'COHERENT', killed: true } }, frames: { 257: { inUse: true, allocs: 1 } } });
    const after = viewOf(state, 'v6.1');
    const out = messagesOf(coherentEvictable, after, after, stepOf('memunmap_pages', { pgmap: 'pgmap0' }, { errno: 'EBUSY' }));
    expect(out).toEqual([
      'pgmap0 (COHERENT): memunmap_pages returned EBUSY but nothing a driver can release holds it (in use with no user: pfn 257 (COHERENT, pgmap0 index 1)): memunmap_pages cannot finish',
    ]);
  });

  it('holds when memunmap_pages is busy with pages the driver can still evict', () => {
    const after = viewOf(leftBehind('COHERENT', null), 'v6.1');
    expect(messagesOf(coherentEvictable, after, after, stepOf('memunmap_pages', { pgmap: 'pgmap0' }, { errno: 'EBUSY' }))).toEqual([]);
  });

  describe('eviction by migrate_to_ram of a range (the driver before migrate_device_range, v6.1)', () => {
    const toRam = (events: Parameters<typeof stepOf>[3] = []) => stepOf('migrate_to_ram', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' }, { cpages: 0 }, events);

    it('fails when a page of the range stays, held only by a long-term pin', () => {
      const v = viewOf(leftBehind('COHERENT', {}), 'v5.x');
      expect(messagesOf(coherentEvictable, v, v, toRam())).toEqual([
        'pfn 256 (COHERENT, pgmap0 index 0): still mapped at p0 vpn 0 after migrate_to_ram(pgmap0) with no short-term reference (maps 1, refs 0, pins 1 (long-term 1), page cache no)',
      ]);
    });

    it('holds when a short-term reference keeps it, or no system page could be allocated for it', () => {
      const held = viewOf(leftBehind('COHERENT', null, 1), 'v5.x');
      expect(messagesOf(coherentEvictable, held, held, toRam())).toEqual([]);
      const noMemory = viewOf(leftBehind('COHERENT', null), 'v5.x');
      expect(messagesOf(coherentEvictable, noMemory, noMemory, toRam([{ ev: 'migrate-skip', pfn: 256, reason: 'alloc' }]))).toEqual([]);
    });
  });
});
