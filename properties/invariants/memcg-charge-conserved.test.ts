import { describe, expect, it } from 'vitest';
import type { AbsState } from '../../models/state.ts';
import { anonPage, anonVma, pte, stateWith } from './fixtures/state-with.ts';
import { stepOf, viewOf, withMemcgUsage, messagesOf } from './fixtures/view-with.ts';
import { memcgChargeConserved } from '../../models/invariants/memcg-charge-conserved.ts';

const charged = stateWith({
  memcgs: ['m0', 'm1'],
  frames: { 1: anonPage(1, 'm0'), 2: anonPage(2, 'm1'), 3: { inUse: true, allocs: 1, file: 'f0', fileIndex: 0, memcg: 'm1' } },
});

describe('memcg-charge-conserved', () => {
  it('holds when usage matches and every charged page has one existing memcg', () => {
    expect(messagesOf(memcgChargeConserved, viewOf(charged))).toEqual([]);
  });

  it('fails when page_counter usage drifts from the charged pages', () => {
    expect(messagesOf(memcgChargeConserved, withMemcgUsage(viewOf(charged), 'm1', 1))).toEqual(['m1: usage 1 pages, but 2 frames are charged to it']);
  });

  it('fails on a missed uncharge, a charged DAX page, an uncharged anon page and a ghost memcg', () => {
    const state = stateWith({
      memcgs: ['m0'],
      pgmaps: { pgmap0: { type: 'GENERIC' } },
      frames: { 1: { allocs: 1, frees: 1, memcg: 'm0' }, 2: anonPage(0, null), 3: anonPage(0, 'm5'), 256: { inUse: true, allocs: 1, memcg: 'm0' } },
      procs: { p0: { vmas: [anonVma(0, 1)], ptes: { 0: pte('present', 2) } } },
    });
    const out = messagesOf(memcgChargeConserved, viewOf(state, 'v6.1'));
    expect(out).toContain('pfn 1 (SYSTEM): free but still charged to m0 (mem_cgroup_uncharge missed)');
    expect(out).toContain('pfn 2 (SYSTEM): in use as a mapped anon page but charged to no memcg');
    expect(out).toContain('pfn 3 (SYSTEM): charged to m5, which does not exist');
    expect(out).toContain('pfn 256 (GENERIC, pgmap0 index 0): charged to m0, but GENERIC memory is never charged');
  });

  it('holds for an unmapped migration source kept alive by a GUP reference after mem_cgroup_migrate took its charge', () => {
    const state = stateWith({ memcgs: ['m0'], frames: { 2: anonPage(0, null) }, refs: { ref0: { pfn: 2, proc: 'p0' } } });
    expect(messagesOf(memcgChargeConserved, viewOf(state, 'v6.1'))).toEqual([]);
  });

  describe('charge moving (v6.0, move_charge_at_immigrate)', () => {
    // p0 in m0 maps system pfn 1 and device-private pfn 256, both charged to m0.
    const before = stateWith({
      memcgs: ['m0', 'm1'],
      pgmaps: { pgmap0: { type: 'PRIVATE' } },
      frames: { 1: anonPage(1, 'm0'), 256: anonPage(2, 'm0') },
      procs: { p0: { vmas: [anonVma(0, 2)], ptes: { 0: pte('present', 1), 1: pte('device-private', 256) }, written: { 0: 1, 1: 2 } } },
    });
    const moveTo = (memcgOf: Record<number, 'm0' | 'm1'>): AbsState => ({
      ...before,
      procs: { ...before.procs, p0: { ...before.procs.p0!, memcg: 'm1' } },
      frames: { ...before.frames, 1: { ...before.frames[1]!, memcg: memcgOf[1]! }, 256: { ...before.frames[256]!, memcg: memcgOf[256]! } },
    });
    const move = (moved: number, moveCharge = true) => stepOf('mem_cgroup_move_task', { proc: 'p0', memcg: 'm1', moveCharge }, { moved });

    it('holds when every page only the task maps follows it', () => {
      expect(messagesOf(memcgChargeConserved, viewOf(moveTo({ 1: 'm1', 256: 'm1' }), 'v6.0'), viewOf(before, 'v6.0'), move(2))).toEqual([]);
    });

    it('fails when a device-private page stays behind (BUG-22)', () => {
      const out = messagesOf(memcgChargeConserved, viewOf(moveTo({ 1: 'm1', 256: 'm0' }), 'v6.0'), viewOf(before, 'v6.0'), move(1));
      expect(out).toEqual(['pfn 256 (PRIVATE, pgmap0 index 0): mapped only by p0 (vpn 1) and charged to m0, still charged to m0 after moving p0 to m1']);
    });

    it('does not judge moves without moveCharge, eras without charge moving, or shared pages', () => {
      const stay = moveTo({ 1: 'm0', 256: 'm0' });
      expect(messagesOf(memcgChargeConserved, viewOf(stay, 'v6.0'), viewOf(before, 'v6.0'), move(0, false))).toEqual([]);
      expect(messagesOf(memcgChargeConserved, viewOf(stay, 'upstream'), viewOf(before, 'upstream'), move(0))).toEqual([]);
      const shared = { ...before, procs: { ...before.procs, p1: { ...before.procs.p0!, ptes: { 0: pte('present', 1, false), 1: pte('device-private', 256, false) } } } };
      const sharedAfter = { ...stay, procs: { ...stay.procs, p1: shared.procs.p1 } };
      expect(messagesOf(memcgChargeConserved, viewOf(sharedAfter, 'v6.0'), viewOf(shared, 'v6.0'), move(0))).toEqual([]);
    });
  });
});
