import { describe, expect, it } from 'vitest';
import type { EraName } from '../../models/eras/era.ts';
import type { ZdEvent } from '../../models/events.ts';
import type { McTarget, Pfn } from '../../models/vocabulary.ts';
import { anonPage, anonVma, pte, stateWith } from './fixtures/state-with.ts';
import { stepOf, viewOf, messagesOf } from './fixtures/view-with.ts';
import { memcgTarget } from '../../models/invariants/memcg-target.ts';

// p0 in m0 maps: vpn 0 system pfn 1 (m0), vpn 1 COHERENT 256 (m0),
// vpn 2 system pfn 2 charged to m1, vpn 3 device-private 512 (m0).
const before = stateWith({
  memcgs: ['m0', 'm1', 'm2'],
  pgmaps: { pgmap0: { type: 'COHERENT' }, pgmap1: { type: 'PRIVATE' } },
  frames: { 1: anonPage(0, 'm0'), 256: anonPage(0, 'm0'), 2: anonPage(0, 'm1'), 512: anonPage(0, 'm0') },
  procs: {
    p0: {
      vmas: [anonVma(0, 4)],
      ptes: { 0: pte('present', 1), 1: pte('present', 256), 2: pte('present', 2), 3: pte('device-private', 512) },
    },
  },
});

const mctgt = (pfn: Pfn, target: McTarget): ZdEvent => ({ ev: 'mctgt', pfn, target });
const judge = (era: EraName, events: ZdEvent[]) => {
  const v = viewOf(before, era);
  return messagesOf(memcgTarget, v, v, stepOf('mem_cgroup_move_task', { proc: 'p0', memcg: 'm2', moveCharge: true }, { moved: 3 }, events));
};
const right = [mctgt(1, 'PAGE'), mctgt(256, 'DEVICE'), mctgt(2, 'NONE'), mctgt(512, 'DEVICE')];

describe('memcg-target', () => {
  it('holds for PAGE, DEVICE and NONE where they belong', () => {
    expect(judge('v6.0', right)).toEqual([]);
  });

  it('expects NONE for a page reached only through a non-swap entry (hwpoison, device-exclusive)', () => {
    const poisoned = stateWith({
      memcgs: ['m0', 'm2'],
      frames: { 1: anonPage(0, 'm0'), 3: anonPage(0, 'm0') },
      procs: { p0: { vmas: [anonVma(0, 2)], ptes: { 0: pte('hwpoison', 1), 1: pte('device-exclusive', 3) } } },
    });
    const v = viewOf(poisoned, 'v6.0');
    const move = (t: McTarget) => messagesOf(memcgTarget, v, v, stepOf('mem_cgroup_move_task', { proc: 'p0', memcg: 'm2', moveCharge: true }, { moved: 0 }, [mctgt(1, t), mctgt(3, t)]));
    expect(move('NONE')).toEqual([]);
    expect(move('PAGE')).toHaveLength(2);
  });

  it('fails when a COHERENT page is classified PAGE (a new type forgotten in get_mctgt_type)', () => {
    expect(judge('v6.0', [mctgt(1, 'PAGE'), mctgt(256, 'PAGE'), mctgt(2, 'NONE'), mctgt(512, 'DEVICE')])).toEqual([
      'pfn 256 (COHERENT, pgmap0 index 0): get_mctgt_type gave PAGE, expected DEVICE (anon, charged to m0, moving p0 from m0 to m2)',
    ]);
  });

  it('fails when a page charged elsewhere is moved', () => {
    expect(judge('v6.0', [mctgt(1, 'PAGE'), mctgt(256, 'DEVICE'), mctgt(2, 'PAGE'), mctgt(512, 'DEVICE')])[0]).toContain(
      'pfn 2 (SYSTEM): get_mctgt_type gave PAGE, expected NONE (anon, charged to m1',
    );
  });

  it('fails on BUG-22: a device-private entry rejected as NONE, or never looked at', () => {
    expect(judge('v4.14', [mctgt(1, 'PAGE'), mctgt(256, 'DEVICE'), mctgt(2, 'NONE'), mctgt(512, 'NONE')])).toEqual([
      'pfn 512 (PRIVATE, pgmap1 index 0): get_mctgt_type gave NONE, expected DEVICE (anon, charged to m0, moving p0 from m0 to m2)',
    ]);
    expect(judge('v6.0', right.slice(0, 3))).toEqual(['pfn 512 (PRIVATE, pgmap1 index 0): device-private entry at p0 vpn 3 was never classified by get_mctgt_type (mc_handle_swap_pte)']);
  });

  it('accepts NONE for a page met again after its charge moved', () => {
    expect(judge('v6.0', [...right, mctgt(1, 'NONE')])).toEqual([]);
    expect(judge('v6.0', [mctgt(2, 'NONE'), mctgt(2, 'NONE'), ...right])).toEqual([]);
  });
});
