import { describe, expect, it } from 'vitest';
import { pgmapStart } from '../../models/limits.ts';
import { counters, kernelFor, run } from './run-steps.ts';

describe('kernel model: memcg charge moving', () => {
  it('v6.0 moves a system page (PAGE) and a device-private page (DEVICE)', () => {
    const k = kernelFor('v6.0');
    run(k, 'memremap_pages', { type: 'PRIVATE', owner: 'dev0', npages: 1 });
    run(k, 'mmap', { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 1 });
    run(k, 'cpu_write', { proc: 'p0', vpn: 1, value: 2 });
    run(k, 'migrate_to_device', { proc: 'p0', vpn: 1, npages: 1, pgmap: 'pgmap0' });
    expect(run(k, 'mem_cgroup_create', {})).toEqual({ memcg: 'm1' });
    const r = k.apply({ op: 'mem_cgroup_move_task', args: { proc: 'p0', memcg: 'm1', moveCharge: true } });
    expect(r.result).toEqual({ moved: 2 });
    expect(r.events).toEqual([
      { ev: 'mctgt', pfn: 1, target: 'PAGE' },
      { ev: 'mctgt', pfn: pgmapStart(0), target: 'DEVICE' },
    ]);
    expect(k.view().memcgUsage).toEqual({ m0: 0, m1: 2 });
    expect(k.abstract().procs.p0?.memcg).toBe('m1');
  });

  it('upstream has no charge moving; v4.14 never sees device-private entries (BUG-22)', () => {
    const up = kernelFor('upstream');
    run(up, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
    run(up, 'cpu_write', { proc: 'p0', vpn: 0, value: 1 });
    run(up, 'mem_cgroup_create', {});
    expect(run(up, 'mem_cgroup_move_task', { proc: 'p0', memcg: 'm1', moveCharge: true })).toEqual({ moved: 0 });
    expect(up.view().memcgUsage).toEqual({ m0: 1, m1: 0 });
    const old = kernelFor('v4.14');
    run(old, 'memremap_pages', { type: 'PRIVATE', owner: 'dev0', npages: 1 });
    run(old, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
    run(old, 'cpu_write', { proc: 'p0', vpn: 0, value: 1 });
    run(old, 'migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' });
    run(old, 'mem_cgroup_create', {});
    expect(run(old, 'mem_cgroup_move_task', { proc: 'p0', memcg: 'm1', moveCharge: true })).toEqual({ moved: 0 });
    expect(run(old, 'mem_cgroup_move_task', { proc: 'p0', memcg: 'm9', moveCharge: true })).toEqual({ errno: 'EINVAL' });
  });
});

describe('kernel model: memory_failure', () => {
  it('a system page is poisoned, unmapped from every mapper, each killed once', () => {
    const k = kernelFor('upstream');
    run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 1 });
    run(k, 'fork', { proc: 'p0' });
    const r = k.apply({ op: 'memory_failure', args: { proc: 'p0', vpn: 0, countIncreased: true } });
    expect(r.result).toEqual({});
    expect(r.events).toEqual([
      { ev: 'sigbus', proc: 'p0', pfn: 1 },
      { ev: 'sigbus', proc: 'p1', pfn: 1 },
    ]);
    const s = k.abstract();
    expect(s.procs.p1?.ptes[0]).toEqual({ kind: 'hwpoison', pfn: 1, write: false });
    expect(s.procs.p0?.sigbus).toBe(1);
    expect(s.frames[1]).toMatchObject({ hwpoison: true, inUse: false, frees: 1 });
    expect(counters(k, 1)).toMatchObject({ refcount: 0, mapcount: 0 });
    expect(run(k, 'cpu_read', { proc: 'p0', vpn: 0 })).toEqual({ signal: 'SIGBUS' });
    expect(run(k, 'memory_failure', { proc: 'p0', vpn: 0, countIncreased: false })).toEqual({ errno: 'EHWPOISON' });
    // A poisoned frame is never handed out again.
    run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 1, value: 1 });
    expect(k.abstract().procs.p0?.ptes[1]?.pfn).toBe(2);
  });

  it('device memory is refused with the era errno; killed pgmaps give ENXIO; the zero page EBUSY', () => {
    const k = kernelFor('v6.1');
    run(k, 'memremap_pages', { type: 'COHERENT', owner: 'dev0', npages: 1 });
    run(k, 'mmap', { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 1 });
    run(k, 'migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' });
    const before = k.abstract();
    expect(run(k, 'memory_failure', { pgmap: 'pgmap0', index: 0, countIncreased: true })).toEqual({ errno: 'EBUSY' });
    expect(k.abstract()).toEqual(before);
    run(k, 'cpu_read', { proc: 'p0', vpn: 1 });
    expect(run(k, 'memory_failure', { proc: 'p0', vpn: 1, countIncreased: false })).toEqual({ errno: 'EBUSY' });
    run(k, 'memunmap_pages', { pgmap: 'pgmap0' });
    expect(run(k, 'memory_failure', { pgmap: 'pgmap0', index: 0, countIncreased: false })).toEqual({ errno: 'ENXIO' });
  });

  it('an FS_DAX frame nobody maps gives EBUSY; a mapped one with a GUP reference is poisoned but busy', () => {
    const k = kernelFor('upstream');
    run(k, 'memremap_pages', { type: 'FS_DAX', owner: 'pmem', npages: 2 });
    expect(run(k, 'memory_failure', { pgmap: 'pgmap0', index: 0, countIncreased: false })).toEqual({ errno: 'EBUSY' });
    run(k, 'mmap', { proc: 'p0', npages: 2, kind: 'dax', shared: true, prot: 'write', pgmap: 'pgmap0' });
    run(k, 'get_user_pages', { proc: 'p0', vpn: 0, write: false, fast: false });
    expect(run(k, 'memory_failure', { proc: 'p0', vpn: 0, countIncreased: false })).toEqual({ errno: 'EBUSY' });
    expect(k.abstract().frames[pgmapStart(0)]).toMatchObject({ hwpoison: true, inUse: true });
    run(k, 'put_page', { ref: 'ref0' });
    expect(k.abstract().frames[pgmapStart(0)]).toMatchObject({ hwpoison: true, inUse: false, frees: 1 });
  });
});
