import { describe, expect, it } from 'vitest';
import { SYSTEM_FRAMES } from '../../models/limits.ts';
import { GUP_PIN_COUNTING_BIAS, ZERO_PFN } from '../../models/vocabulary.ts';
import { counters, kernelFor, run } from './run-steps.ts';

/** Two written anon pages of p0 (4 and 5), the one at `vpn` migrated to device-private memory. */
function twoPagesOneOnDevice(vpn: number) {
  const k = kernelFor('upstream');
  run(k, 'memremap_pages', { type: 'PRIVATE', owner: 'dev0', npages: 2 });
  run(k, 'mmap', { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' });
  run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 4 });
  run(k, 'cpu_write', { proc: 'p0', vpn: 1, value: 5 });
  run(k, 'migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: 'pgmap0' });
  return k;
}

describe('kernel model: mmap, faults, fork, munmap', () => {
  it('the initial abstract state is canonical', () => {
    const s = kernelFor('upstream').abstract();
    expect(s.procs).toEqual({ p0: { memcg: 'm0', vmas: [], ptes: {}, written: {}, sigbus: 0, nextVpn: 0 } });
    expect(s.next).toEqual({ proc: 1, memcg: 1, pgmap: 0, ref: 0, pin: 0, file: 0 });
    expect(s.frames[0]).toMatchObject({ inUse: true, type: 'SYSTEM', allocs: 0 });
    expect(Object.keys(s.frames)).toHaveLength(SYSTEM_FRAMES + 1);
    expect(s.memcgs).toEqual(['m0']);
  });

  it('read faults map the zero page; writes COW it into a charged page', () => {
    const k = kernelFor('upstream');
    expect(run(k, 'mmap', { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' })).toEqual({ vpn: 0 });
    expect(run(k, 'cpu_read', { proc: 'p0', vpn: 1 })).toEqual({ value: 0 });
    expect(k.abstract().procs.p0?.ptes[1]).toEqual({ kind: 'present', pfn: 0, write: false });
    expect(run(k, 'cpu_write', { proc: 'p0', vpn: 1, value: 8 })).toEqual({});
    const s = k.abstract();
    expect(s.procs.p0?.ptes[1]).toEqual({ kind: 'present', pfn: 1, write: true });
    expect(s.procs.p0?.written).toEqual({ 1: 8 });
    expect(s.frames[1]).toMatchObject({ inUse: true, data: 8, memcg: 'm0', anon: true });
    expect(counters(k, 1)).toEqual({ refcount: 1, mapcount: 1, pincount: 0, lru: true });
    expect(run(k, 'cpu_read', { proc: 'p0', vpn: 5 })).toEqual({ signal: 'SIGSEGV' });
  });

  it('fork shares anon pages read-only; a write breaks COW; a pinned page is copied at fork', () => {
    const k = kernelFor('v6.1');
    run(k, 'mmap', { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 1 });
    run(k, 'cpu_write', { proc: 'p0', vpn: 1, value: 2 });
    run(k, 'pin_user_pages', { proc: 'p0', vpn: 1, write: true, longterm: false, fast: false });
    expect(run(k, 'fork', { proc: 'p0' })).toEqual({ child: 'p1' });
    let s = k.abstract();
    expect(s.procs.p1?.written).toEqual({ 0: 1, 1: 2 });
    expect(s.procs.p0?.ptes[0]).toEqual({ kind: 'present', pfn: 1, write: false });
    expect(s.procs.p1?.ptes[0]).toEqual({ kind: 'present', pfn: 1, write: false });
    expect(s.procs.p0?.ptes[1]).toEqual({ kind: 'present', pfn: 2, write: true });
    expect(s.procs.p1?.ptes[1]).toEqual({ kind: 'present', pfn: 3, write: true });
    expect(counters(k, 2).refcount).toBe(1 + GUP_PIN_COUNTING_BIAS);
    expect(run(k, 'cpu_write', { proc: 'p1', vpn: 0, value: 5 })).toEqual({});
    s = k.abstract();
    expect(s.procs.p1?.ptes[0]).toEqual({ kind: 'present', pfn: 4, write: true });
    expect(run(k, 'cpu_read', { proc: 'p0', vpn: 0 })).toEqual({ value: 1 });
    // The parent is now the only user: the write reuses the page in place.
    run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 6 });
    expect(k.abstract().procs.p0?.ptes[0]).toEqual({ kind: 'present', pfn: 1, write: true });
  });

  it('fork that cannot copy a pinned page fails ENOMEM and changes nothing but the consumed fault injection (docs §6.3)', () => {
    const k = kernelFor('upstream');
    run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 1 });
    run(k, 'pin_user_pages', { proc: 'p0', vpn: 0, write: true, longterm: false, fast: false });
    run(k, 'fail_next_alloc', { where: 'system' });
    const before = k.abstract();
    expect(run(k, 'fork', { proc: 'p0' })).toEqual({ errno: 'ENOMEM' });
    expect(k.abstract()).toEqual({ ...before, failNextAlloc: { ...before.failNextAlloc, system: false } });
  });

  it('shared file mappings use the page cache; munmap of the last mapping drops it', () => {
    const k = kernelFor('upstream');
    expect(run(k, 'mmap', { proc: 'p0', npages: 2, kind: 'anon', shared: true, prot: 'write' })).toEqual({ vpn: 0 });
    run(k, 'cpu_write', { proc: 'p0', vpn: 1, value: 4 });
    let s = k.abstract();
    expect(s.procs.p0?.vmas).toEqual([{ start: 0, npages: 2, kind: 'shmem', shared: true, prot: 'write', file: 'f0', pgmap: null, pgoff: 0 }]);
    expect(s.files.f0).toEqual({ kind: 'shmem', npages: 2, pages: { 1: 1 }, written: { 1: 4 }, stored: {} });
    expect(s.procs.p0?.ptes[1]).toEqual({ kind: 'present', pfn: 1, write: true, dirty: true });
    expect(s.frames[1]).toMatchObject({ file: 'f0', fileIndex: 1, anon: false });
    expect(counters(k, 1).refcount).toBe(2); // page cache + mapping
    run(k, 'munmap', { proc: 'p0', vpn: 0, npages: 1 });
    s = k.abstract();
    expect(s.procs.p0?.vmas).toEqual([{ start: 1, npages: 1, kind: 'shmem', shared: true, prot: 'write', file: 'f0', pgmap: null, pgoff: 1 }]);
    run(k, 'munmap', { proc: 'p0', vpn: 1, npages: 1 });
    s = k.abstract();
    expect(s.files.f0?.pages).toEqual({});
    expect(s.frames[1]).toMatchObject({ inUse: false, file: null, frees: 1 });
  });

  it('mprotect splits VMAs and write-protects PTEs; exit drops the process', () => {
    const k = kernelFor('upstream');
    run(k, 'mmap', { proc: 'p0', npages: 3, kind: 'anon', shared: false, prot: 'write' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 1, value: 1 });
    expect(run(k, 'mprotect', { proc: 'p0', vpn: 1, npages: 1, prot: 'read' })).toEqual({});
    const s = k.abstract();
    expect(s.procs.p0?.vmas.map((v) => [v.start, v.npages, v.prot])).toEqual([
      [0, 1, 'write'],
      [1, 1, 'read'],
      [2, 1, 'write'],
    ]);
    expect(s.procs.p0?.ptes[1]?.write).toBe(false);
    expect(run(k, 'cpu_write', { proc: 'p0', vpn: 1, value: 2 })).toEqual({ signal: 'SIGSEGV' });
    expect(run(k, 'mprotect', { proc: 'p0', vpn: 2, npages: 2, prot: 'read' })).toEqual({ errno: 'ENOMEM' });
    run(k, 'fork', { proc: 'p0' });
    expect(run(k, 'exit', { proc: 'p1' })).toEqual({});
    expect(k.abstract().procs.p1).toBeUndefined();
    expect(run(k, 'cpu_read', { proc: 'p1', vpn: 0 })).toEqual({ errno: 'ESRCH' });
    expect(counters(k, 1).refcount).toBe(1);
  });

  it('mprotect makes a writable device-private entry readable even when it raises the protection (change_pte_range)', () => {
    const k = twoPagesOneOnDevice(0);
    expect(k.abstract().procs.p0?.ptes[0]).toMatchObject({ kind: 'device-private', write: true });
    expect(run(k, 'mprotect', { proc: 'p0', vpn: 0, npages: 2, prot: 'write' })).toEqual({});
    expect(k.abstract().procs.p0?.ptes[0]).toMatchObject({ kind: 'device-private', write: false });
    // A present PTE keeps its write bit when the protection is raised.
    expect(k.abstract().procs.p0?.ptes[1]?.write).toBe(true);
    expect(run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 6 })).toEqual({});
    expect(run(k, 'cpu_read', { proc: 'p0', vpn: 0 })).toEqual({ value: 6 });
  });

  it('madvise_dontneed zaps a private page and a device-private entry, keeps the VMA, and fails with ENOMEM past it', () => {
    const k = twoPagesOneOnDevice(1);
    expect(run(k, 'madvise_dontneed', { proc: 'p0', vpn: 0, npages: 2 })).toEqual({});
    const s = k.abstract();
    expect(s.procs.p0?.vmas.map((v) => [v.start, v.npages])).toEqual([[0, 2]]);
    expect(s.procs.p0?.ptes).toEqual({});
    expect(s.procs.p0?.written).toEqual({});
    expect(Object.values(s.frames).filter((f) => f.inUse && f.pfn !== ZERO_PFN)).toEqual([]);
    expect(run(k, 'cpu_read', { proc: 'p0', vpn: 1 })).toEqual({ value: 0 });
    expect(run(k, 'madvise_dontneed', { proc: 'p0', vpn: 1, npages: 2 })).toEqual({ errno: 'ENOMEM' });
    expect(k.abstract().procs.p0?.ptes).toEqual({});
  });

  it('make_device_exclusive and fork: the entry is restored and shared read-only', () => {
    const k = kernelFor('upstream');
    run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
    expect(run(k, 'make_device_exclusive', { proc: 'p0', vpn: 0, npages: 1, owner: 'dev0' })).toEqual({ cpages: 1, data: [0] });
    expect(k.abstract().procs.p0?.ptes[0]).toEqual({ kind: 'device-exclusive', pfn: 1, write: true, owner: 'dev0' });
    expect(run(k, 'check_exclusive', { proc: 'p0', vpn: 0, npages: 1, owner: 'dev0' })).toEqual({ errno: 'EPERM' });
    run(k, 'fork', { proc: 'p0' });
    expect(k.abstract().procs.p0?.ptes[0]).toEqual({ kind: 'present', pfn: 1, write: false });
    expect(counters(k, 1)).toEqual({ refcount: 2, mapcount: 2, pincount: 0, lru: true });
  });
});
