// Reference: move_pages for one page (docs §2): where the page goes, and
// every status add_page_for_migration can give.
import { describe, expect, it } from 'vitest';
import { Sim, anonPage, device } from './sim.ts';

describe('move_pages', () => {
  it('moves the page to the lowest free frame: data, charge and mapping follow, the old frame is freed', () => {
    const sim = new Sim('upstream');
    const { vpn, pfn } = anonPage(sim, 5);
    expect(sim.do('move_pages', { proc: 'p0', vpn, moveAll: false })).toEqual({ status: 'moved' });
    expect(sim.lastEvents).toEqual([{ ev: 'migrate', from: pfn, to: 2 }]);
    expect(sim.pte('p0', vpn)).toEqual({ kind: 'present', pfn: 2, write: true });
    expect(sim.frame(2)).toMatchObject({ data: 5, memcg: 'm0', anon: true, inUse: true });
    expect(sim.frame(pfn)).toMatchObject({ inUse: false, memcg: null, frees: 1 });
  });

  it('statuses: EFAULT, ENOENT, EACCES, not-migrated', () => {
    const sim = new Sim('v6.1');
    sim.do('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
    expect(sim.do('move_pages', { proc: 'p0', vpn: 0, moveAll: false })).toEqual({ status: 'EFAULT' });
    sim.do('cpu_read', { proc: 'p0', vpn: 0 });
    expect(sim.do('move_pages', { proc: 'p0', vpn: 0, moveAll: false })).toEqual({ status: 'EFAULT' }); // the zero page
    expect(sim.do('move_pages', { proc: 'p0', vpn: 9, moveAll: false })).toEqual({ status: 'EFAULT' }); // no VMA
    sim.do('mmap', { proc: 'p0', npages: 1, kind: 'shmem', shared: true, prot: 'write' });
    expect(sim.do('move_pages', { proc: 'p0', vpn: 1, moveAll: false })).toEqual({ status: 'ENOENT' });
    sim.do('cpu_write', { proc: 'p0', vpn: 0, value: 2 });
    sim.do('fork', { proc: 'p0' });
    expect(sim.do('move_pages', { proc: 'p0', vpn: 0, moveAll: false })).toEqual({ status: 'EACCES' });
    sim.do('pin_user_pages', { proc: 'p1', vpn: 0, write: false, longterm: false, fast: false });
    const before = sim.state;
    expect(sim.do('move_pages', { proc: 'p0', vpn: 0, moveAll: true })).toEqual({ status: 'not-migrated' });
    expect(sim.lastEvents).toEqual([{ ev: 'migrate-skip', pfn: 1, reason: 'refs' }]);
    // Only the destination's allocation and free show.
    expect({ ...sim.state, frames: {} }).toEqual({ ...before, frames: {} });
    expect(sim.frame(2)).toMatchObject({ inUse: false, allocs: 1, frees: 1 });
    expect(sim.do('move_pages', { proc: 'p7', vpn: 0, moveAll: false })).toEqual({ errno: 'ESRCH' });
  });

  it('a ZONE_DEVICE page: ENOENT from v6.0, EBUSY (not on an LRU) before', () => {
    for (const [era, status] of [
      ['v6.1', 'ENOENT'],
      ['v4.14', 'EBUSY'],
    ] as const) {
      const sim = new Sim(era);
      const pgmap = device(sim, era === 'v4.14' ? 'PUBLIC' : 'COHERENT', 'dev0', 1);
      const { vpn } = anonPage(sim, 1);
      sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap });
      expect(sim.do('move_pages', { proc: 'p0', vpn, moveAll: false }), era).toEqual({ status });
    }
  });

  it('no free frame: -ENOMEM and nothing moves', () => {
    const sim = new Sim('upstream');
    const { vpn, pfn } = anonPage(sim, 5);
    sim.do('fail_next_alloc', { where: 'system' });
    expect(sim.do('move_pages', { proc: 'p0', vpn, moveAll: false })).toEqual({ errno: 'ENOMEM' });
    expect(sim.pte('p0', vpn)?.pfn).toBe(pfn);
  });
});
