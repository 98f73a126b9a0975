// Reference: memory_failure and fail_next_alloc (docs/operations.md §5).
import { describe, expect, it } from 'vitest';
import { pgmapStart } from './imports.ts';
import { Sim, anonPage, device } from './sim.ts';

describe('memory_failure', () => {
  it('PRIVATE is refused with EBUSY and nothing changes', () => {
    const sim = new Sim('v6.1');
    const { vpn } = anonPage(sim, 6);
    const pg = device(sim, 'PRIVATE');
    sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: pg });
    const before = sim.state;
    expect(sim.do('memory_failure', { proc: 'p0', vpn, countIncreased: true })).toEqual({ errno: 'EBUSY' });
    expect(sim.state).toEqual(before);
    expect(sim.do('memory_failure', { pgmap: pg, index: 0, countIncreased: false })).toEqual({ errno: 'EBUSY' });
    expect(sim.state).toEqual(before);
  });
  it('an anon system page is poisoned, unmapped with hwpoison entries everywhere, and each mapper gets one SIGBUS', () => {
    const sim = new Sim('v6.1');
    const { vpn, pfn } = anonPage(sim, 6);
    sim.do('fork', { proc: 'p0' });
    expect(sim.do('memory_failure', { proc: 'p0', vpn, countIncreased: true })).toEqual({});
    for (const p of ['p0', 'p1']) {
      expect(sim.pte(p, vpn)).toEqual({ kind: 'hwpoison', pfn, write: false });
      expect(sim.state.procs[p as 'p0']!.sigbus).toBe(1);
    }
    expect(sim.lastEvents).toEqual([
      { ev: 'sigbus', proc: 'p0', pfn },
      { ev: 'sigbus', proc: 'p1', pfn },
    ]);
    expect(sim.frame(pfn)).toMatchObject({ hwpoison: true, inUse: false, frees: 1, memcg: null });
    expect(sim.do('cpu_read', { proc: 'p0', vpn })).toEqual({ signal: 'SIGBUS' });
    expect(sim.do('get_user_pages', { proc: 'p1', vpn, write: false, fast: false })).toEqual({ errno: 'EHWPOISON' });
    expect(sim.do('memory_failure', { proc: 'p0', vpn, countIncreased: false })).toEqual({ errno: 'EHWPOISON' });
    // A poisoned frame is never handed out again.
    sim.do('munmap', { proc: 'p0', vpn, npages: 1 });
    const { vpn: again } = anonPage(sim, 1);
    expect(sim.pte('p0', again)!.pfn).not.toBe(pfn);
  });
  it('EBUSY when GUP still holds the poisoned page; the zero page is EBUSY; pte_none is EFAULT', () => {
    const sim = new Sim('v6.1');
    const { vpn, pfn } = anonPage(sim, 6);
    sim.do('pin_user_pages', { proc: 'p0', vpn, write: false, longterm: false, fast: false });
    expect(sim.do('memory_failure', { proc: 'p0', vpn, countIncreased: false })).toEqual({ errno: 'EBUSY' });
    expect(sim.frame(pfn)).toMatchObject({ hwpoison: true, inUse: true });
    const { vpn: z } = sim.do('mmap', { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'read' }) as { vpn: number };
    sim.do('cpu_read', { proc: 'p0', vpn: z });
    expect(sim.do('memory_failure', { proc: 'p0', vpn: z, countIncreased: false })).toEqual({ errno: 'EBUSY' });
    expect(sim.do('memory_failure', { proc: 'p0', vpn: z + 1, countIncreased: false })).toEqual({ errno: 'EFAULT' });
  });
  it('an unmapped FS_DAX frame is EBUSY; a mapped one is poisoned; a killed pgmap is ENXIO', () => {
    const sim = new Sim('v6.1');
    const pg = device(sim, 'FS_DAX', 'pmem', 2);
    expect(sim.do('memory_failure', { pgmap: pg, index: 0, countIncreased: false })).toEqual({ errno: 'EBUSY' });
    const { vpn } = sim.do('mmap', { proc: 'p0', npages: 2, kind: 'dax', shared: true, prot: 'write', pgmap: pg }) as { vpn: number };
    sim.do('cpu_write', { proc: 'p0', vpn, value: 3 });
    expect(sim.do('memory_failure', { pgmap: pg, index: 0, countIncreased: false })).toEqual({});
    expect(sim.pte('p0', vpn)).toEqual({ kind: 'hwpoison', pfn: pgmapStart(0), write: false });
    sim.do('cpu_read', { proc: 'p0', vpn: vpn + 1 });
    expect(sim.do('memunmap_pages', { pgmap: pg })).toEqual({ errno: 'EBUSY' });
    expect(sim.do('memory_failure', { pgmap: pg, index: 1, countIncreased: false })).toEqual({ errno: 'ENXIO' });
  });
});

describe('fail_next_alloc', () => {
  it('sets the flag, which the next allocation of that kind consumes', () => {
    const sim = new Sim('v6.1');
    expect(sim.do('fail_next_alloc', { where: 'system' })).toEqual({});
    expect(sim.state.failNextAlloc).toEqual({ device: false, system: true });
    const { vpn } = sim.do('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' }) as { vpn: number };
    expect(sim.do('cpu_write', { proc: 'p0', vpn, value: 1 })).toEqual({ signal: 'SIGBUS' });
    expect(sim.state.failNextAlloc.system).toBe(false);
  });
});
