// Reference: memcg operations (docs/operations.md §4).
import { describe, expect, it } from 'vitest';
import { pgmapStart } from './imports.ts';
import { Sim, anonPage, device } from './sim.ts';

/** p0 with a system page, a PRIVATE page and a COHERENT page, all charged to m0. */
function threeKinds(sim: Sim) {
  const { vpn } = anonPage(sim, 1, 3);
  const priv = device(sim, 'PRIVATE', 'a');
  sim.do('migrate_to_device', { proc: 'p0', vpn: vpn + 1, npages: 1, pgmap: priv });
  return vpn;
}

describe('mem_cgroup_create', () => {
  it('appends m1, m2 in creation order', () => {
    const sim = new Sim('v6.0');
    expect(sim.do('mem_cgroup_create', {})).toEqual({ memcg: 'm1' });
    expect(sim.do('mem_cgroup_create', {})).toEqual({ memcg: 'm2' });
    expect(sim.state.memcgs).toEqual(['m0', 'm1', 'm2']);
  });
});

describe('mem_cgroup_move_task', () => {
  it('v6.0 moves system, PRIVATE and COHERENT charges, classifying device pages as DEVICE', () => {
    const sim = new Sim('v6.0');
    const vpn = threeKinds(sim);
    const coh = device(sim, 'COHERENT', 'c');
    sim.do('migrate_to_device', { proc: 'p0', vpn: vpn + 2, npages: 1, pgmap: coh });
    sim.do('mem_cgroup_create', {});
    const sys = sim.pte('p0', vpn)!.pfn;
    expect(sim.do('mem_cgroup_move_task', { proc: 'p0', memcg: 'm1', moveCharge: true })).toEqual({ moved: 3 });
    expect(sim.lastEvents).toEqual([
      { ev: 'mctgt', pfn: sys, target: 'PAGE' },
      { ev: 'mctgt', pfn: pgmapStart(0), target: 'DEVICE' },
      { ev: 'mctgt', pfn: pgmapStart(1), target: 'DEVICE' },
    ]);
    for (const pfn of [sys, pgmapStart(0), pgmapStart(1)]) expect(sim.frame(pfn).memcg).toBe('m1');
    expect(sim.view().memcgUsage).toEqual({ m0: 0, m1: 3 });
    expect(sim.state.procs.p0!.memcg).toBe('m1');
  });
  it('v4.14 leaves device-private pages charged to the old memcg (BUG-22)', () => {
    const sim = new Sim('v4.14');
    const vpn = threeKinds(sim);
    sim.do('mem_cgroup_create', {});
    expect(sim.do('mem_cgroup_move_task', { proc: 'p0', memcg: 'm1', moveCharge: true })).toEqual({ moved: 2 });
    expect(sim.lastEvents).toContainEqual({ ev: 'mctgt', pfn: pgmapStart(0), target: 'NONE' });
    expect(sim.frame(pgmapStart(0)).memcg).toBe('m0');
    expect(sim.frame(sim.pte('p0', vpn)!.pfn).memcg).toBe('m1');
  });
  it('moves nothing without moveCharge or where the era has no charge moving; the task still moves', () => {
    for (const [era, moveCharge] of [
      ['v6.0', false],
      ['upstream', true],
    ] as const) {
      const sim = new Sim(era);
      const { pfn } = anonPage(sim);
      sim.do('mem_cgroup_create', {});
      expect(sim.do('mem_cgroup_move_task', { proc: 'p0', memcg: 'm1', moveCharge })).toEqual({ moved: 0 });
      expect(sim.frame(pfn).memcg).toBe('m0');
      expect(sim.state.procs.p0!.memcg).toBe('m1');
    }
  });
  it('rejects unknown handles', () => {
    const sim = new Sim('v6.0');
    expect(sim.do('mem_cgroup_move_task', { proc: 'p0', memcg: 'm5', moveCharge: true })).toEqual({ errno: 'EINVAL' });
    expect(sim.do('mem_cgroup_move_task', { proc: 'p3', memcg: 'm0', moveCharge: true })).toEqual({ errno: 'ESRCH' });
  });
});
