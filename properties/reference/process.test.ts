// Reference: the process operations (docs/operations.md §2).
import { describe, expect, it } from 'vitest';
import { pgmapStart } from './imports.ts';
import { Sim, anonPage, device } from './sim.ts';

describe('mmap', () => {
  it('hands out consecutive vpns; shared anon is shmem-backed; nothing is populated', () => {
    const sim = new Sim('v6.1');
    expect(sim.do('mmap', { proc: 'p0', npages: 3, kind: 'anon', shared: false, prot: 'write' })).toEqual({ vpn: 0 });
    expect(sim.do('mmap', { proc: 'p0', npages: 2, kind: 'anon', shared: true, prot: 'read' })).toEqual({ vpn: 3 });
    const p0 = sim.state.procs.p0!;
    expect(p0.vmas[1]).toEqual({ start: 3, npages: 2, kind: 'shmem', shared: true, prot: 'read', file: 'f0', pgmap: null, pgoff: 0 });
    expect(sim.state.files.f0).toEqual({ kind: 'shmem', npages: 2, pages: {}, written: {}, stored: {} });
    expect(p0.ptes).toEqual({});
    expect(p0.nextVpn).toBe(5);
  });
  it('validates dax mappings and file arguments', () => {
    const sim = new Sim('v6.1');
    const dax = device(sim, 'FS_DAX', 'pmem', 2);
    const priv = device(sim, 'PRIVATE', 'd', 2);
    expect(sim.do('mmap', { proc: 'p0', npages: 2, kind: 'dax', shared: false, prot: 'write', pgmap: dax })).toEqual({ errno: 'EINVAL' });
    expect(sim.do('mmap', { proc: 'p0', npages: 3, kind: 'dax', shared: true, prot: 'write', pgmap: dax })).toEqual({ errno: 'EINVAL' });
    expect(sim.do('mmap', { proc: 'p0', npages: 1, kind: 'dax', shared: true, prot: 'write', pgmap: priv })).toEqual({ errno: 'EINVAL' });
    expect(sim.do('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write', pgmap: dax })).toEqual({ errno: 'EINVAL' });
    expect(sim.do('mmap', { proc: 'p0', npages: 1, kind: 'file', shared: true, prot: 'write', file: 'f0' })).toEqual({ errno: 'EINVAL' });
    expect(sim.do('mmap', { proc: 'p0', npages: 2, kind: 'dax', shared: true, prot: 'write', pgmap: dax })).toEqual({ vpn: 0 });
    expect(sim.state.procs.p0!.vmas[0]).toMatchObject({ kind: 'dax', file: 'f0', pgmap: dax });
  });
});

describe('munmap', () => {
  it('splits the VMA, zaps the PTEs, frees the frames and forgets the ghost values', () => {
    const sim = new Sim('v6.1');
    const { vpn } = anonPage(sim, 1, 3);
    const mid = sim.pte('p0', vpn + 1)!.pfn;
    expect(sim.do('munmap', { proc: 'p0', vpn: vpn + 1, npages: 1 })).toEqual({});
    const p0 = sim.state.procs.p0!;
    expect(p0.vmas.map((v) => [v.start, v.npages])).toEqual([
      [0, 1],
      [2, 1],
    ]);
    expect(p0.ptes[vpn + 1]).toBeUndefined();
    expect(p0.written).toEqual({ 0: 1, 2: 3 });
    expect(sim.frame(mid)).toMatchObject({ inUse: false, frees: 1, memcg: null, anon: false });
    expect(sim.do('cpu_read', { proc: 'p0', vpn: vpn + 1 })).toEqual({ signal: 'SIGSEGV' });
  });
  it('drops the page cache of a file object nobody maps any more, keeping the pgoff of a split', () => {
    const sim = new Sim('v6.1');
    const { vpn } = sim.do('mmap', { proc: 'p0', npages: 3, kind: 'file', shared: true, prot: 'write' }) as { vpn: number };
    sim.do('cpu_write', { proc: 'p0', vpn: vpn + 2, value: 9 });
    const pc = sim.state.files.f0!.pages[2]!;
    sim.do('munmap', { proc: 'p0', vpn, npages: 1 });
    expect(sim.state.procs.p0!.vmas[0]).toMatchObject({ start: 1, npages: 2, pgoff: 1 });
    expect(sim.do('cpu_read', { proc: 'p0', vpn: vpn + 2 })).toEqual({ value: 9 });
    sim.do('munmap', { proc: 'p0', vpn, npages: 3 });
    expect(sim.state.files.f0!.pages).toEqual({});
    expect(sim.frame(pc)).toMatchObject({ inUse: false, file: null, fileIndex: null });
  });
});

describe('mprotect', () => {
  it('write-protects PTEs when write is dropped; the next write fault reuses the sole anon page', () => {
    const sim = new Sim('v6.1');
    const { vpn, pfn } = anonPage(sim, 2, 2);
    expect(sim.do('mprotect', { proc: 'p0', vpn, npages: 1, prot: 'read' })).toEqual({});
    expect(sim.state.procs.p0!.vmas.map((v) => v.prot)).toEqual(['read', 'write']);
    expect(sim.pte('p0', vpn)!.write).toBe(false);
    expect(sim.pte('p0', vpn + 1)!.write).toBe(true);
    expect(sim.do('cpu_write', { proc: 'p0', vpn, value: 1 })).toEqual({ signal: 'SIGSEGV' });
    sim.do('mprotect', { proc: 'p0', vpn, npages: 1, prot: 'write' });
    expect(sim.pte('p0', vpn)!.write).toBe(false);
    expect(sim.do('cpu_write', { proc: 'p0', vpn, value: 1 })).toEqual({});
    expect(sim.pte('p0', vpn)).toEqual({ kind: 'present', pfn, write: true });
  });
  it('makes a device-private entry readable whatever the new protection (change_pte_range)', () => {
    const sim = new Sim('v6.1');
    const { vpn } = anonPage(sim, 3, 2);
    const pg = device(sim, 'PRIVATE');
    sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: pg });
    expect(sim.pte('p0', vpn)).toMatchObject({ kind: 'device-private', write: true });
    expect(sim.do('mprotect', { proc: 'p0', vpn, npages: 2, prot: 'write' })).toEqual({});
    expect(sim.pte('p0', vpn)).toMatchObject({ kind: 'device-private', write: false });
    expect(sim.pte('p0', vpn + 1)!.write).toBe(true);
  });
  it('needs the range fully mapped', () => {
    const sim = new Sim('v6.1');
    const { vpn } = anonPage(sim);
    const before = sim.state;
    expect(sim.do('mprotect', { proc: 'p0', vpn, npages: 2, prot: 'read' })).toEqual({ errno: 'ENOMEM' });
    expect(sim.state).toEqual(before);
  });
});

describe('madvise_dontneed', () => {
  it('zaps the PTEs and keeps the VMA: a private page reads zero again, a shared one its file', () => {
    const sim = new Sim('v6.1');
    const { vpn, pfn } = anonPage(sim, 5, 2);
    expect(sim.do('madvise_dontneed', { proc: 'p0', vpn, npages: 1 })).toEqual({});
    const p0 = sim.state.procs.p0!;
    expect(p0.vmas.map((v) => [v.start, v.npages])).toEqual([[0, 2]]);
    expect(p0.ptes[vpn]).toBeUndefined();
    expect(p0.written).toEqual({ 1: 6 });
    expect(sim.frame(pfn)).toMatchObject({ inUse: false, frees: 1 });
    expect(sim.do('cpu_read', { proc: 'p0', vpn })).toEqual({ value: 0 });
    const { vpn: shared } = sim.do('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: true, prot: 'write' }) as { vpn: number };
    sim.do('cpu_write', { proc: 'p0', vpn: shared, value: 7 });
    expect(sim.do('madvise_dontneed', { proc: 'p0', vpn: shared, npages: 1 })).toEqual({});
    expect(sim.state.procs.p0!.ptes[shared]).toBeUndefined();
    expect(sim.do('cpu_read', { proc: 'p0', vpn: shared })).toEqual({ value: 7 });
  });
  it('zaps the mapped part of a range with a hole and then fails with ENOMEM', () => {
    const sim = new Sim('v6.1');
    const { vpn } = anonPage(sim, 3);
    expect(sim.do('madvise_dontneed', { proc: 'p0', vpn, npages: 2 })).toEqual({ errno: 'ENOMEM' });
    expect(sim.state.procs.p0!.ptes).toEqual({});
    expect(sim.do('madvise_dontneed', { proc: 'p9', vpn, npages: 1 })).toEqual({ errno: 'ESRCH' });
    expect(sim.do('madvise_dontneed', { proc: 'p0', vpn, npages: 0 })).toEqual({ errno: 'EINVAL' });
  });
});

describe('cpu_read / cpu_write', () => {
  it('a migrated anon page faults back from PRIVATE with its data, charge and write bit', () => {
    const sim = new Sim('v6.1');
    const { vpn, pfn } = anonPage(sim, 77);
    const pg = device(sim, 'PRIVATE');
    sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: pg });
    const dev = sim.pte('p0', vpn)!;
    expect(dev).toEqual({ kind: 'device-private', pfn: pgmapStart(0), write: true });
    expect(sim.frame(pfn).inUse).toBe(false);
    expect(sim.do('cpu_read', { proc: 'p0', vpn })).toEqual({ value: 77 });
    const back = sim.pte('p0', vpn)!;
    expect(back).toMatchObject({ kind: 'present', write: true });
    expect(sim.frame(back.pfn)).toMatchObject({ type: 'SYSTEM', data: 77, memcg: 'm0', anon: true });
    expect(sim.frame(pgmapStart(0))).toMatchObject({ inUse: false, frees: 1, memcg: null });
    expect(sim.lastEvents).toEqual([{ ev: 'migrate', from: pgmapStart(0), to: back.pfn }]);
  });
  it('a COHERENT page stays on the device for cpu_read', () => {
    const sim = new Sim('v6.1');
    const { vpn } = anonPage(sim, 31);
    const pg = device(sim, 'COHERENT');
    sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: pg });
    const before = sim.state;
    expect(sim.do('cpu_read', { proc: 'p0', vpn })).toEqual({ value: 31 });
    expect(sim.state).toEqual(before);
    expect(sim.pte('p0', vpn)).toEqual({ kind: 'present', pfn: pgmapStart(0), write: true });
  });
  it('copy-on-write of the zero page and of a private file page', () => {
    const sim = new Sim('v6.1');
    const { vpn } = sim.do('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' }) as { vpn: number };
    sim.do('cpu_read', { proc: 'p0', vpn });
    sim.do('cpu_write', { proc: 'p0', vpn, value: 4 });
    expect(sim.pte('p0', vpn)).toEqual({ kind: 'present', pfn: 1, write: true });
    const { vpn: fv } = sim.do('mmap', { proc: 'p0', npages: 1, kind: 'file', shared: false, prot: 'write' }) as { vpn: number };
    sim.do('cpu_write', { proc: 'p0', vpn: fv, value: 6 });
    // do_cow_fault: the COW page (pfn 2) first, then the page-cache page (pfn 3).
    expect(sim.pte('p0', fv)).toEqual({ kind: 'present', pfn: 2, write: true });
    expect(sim.frame(3)).toMatchObject({ file: 'f0', fileIndex: 0, anon: false, data: 0 });
    expect(sim.state.files.f0!.written).toEqual({});
    expect(sim.state.procs.p0!.written[fv]).toBe(6);
  });
  it('SIGSEGV without VMA or permission, SIGBUS when no page can be allocated', () => {
    const sim = new Sim('v6.1');
    expect(sim.do('cpu_read', { proc: 'p0', vpn: 0 })).toEqual({ signal: 'SIGSEGV' });
    const { vpn } = sim.do('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'read' }) as { vpn: number };
    expect(sim.do('cpu_write', { proc: 'p0', vpn, value: 1 })).toEqual({ signal: 'SIGSEGV' });
    const { vpn: w } = sim.do('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' }) as { vpn: number };
    sim.do('fail_next_alloc', { where: 'system' });
    expect(sim.do('cpu_write', { proc: 'p0', vpn: w, value: 1 })).toEqual({ signal: 'SIGBUS' });
    expect(sim.pte('p0', w)).toBeUndefined();
    expect(sim.do('cpu_write', { proc: 'p0', vpn: w, value: 1 })).toEqual({});
  });
});

describe('fork', () => {
  it('a writable device-private entry becomes read-only in parent and child', () => {
    const sim = new Sim('v6.1');
    const { vpn } = anonPage(sim, 12);
    const pg = device(sim, 'PRIVATE');
    sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: pg });
    expect(sim.do('fork', { proc: 'p0' })).toEqual({ child: 'p1' });
    const entry = { kind: 'device-private', pfn: pgmapStart(0), write: false };
    expect(sim.pte('p0', vpn)).toEqual(entry);
    expect(sim.pte('p1', vpn)).toEqual(entry);
    expect(sim.view().counters[pgmapStart(0)]!.mapcount).toBe(2);
    // A write in the child faults to RAM (both mappings follow) and COWs.
    sim.do('cpu_write', { proc: 'p1', vpn, value: 99 });
    expect(sim.do('cpu_read', { proc: 'p0', vpn })).toEqual({ value: 12 });
    expect(sim.do('cpu_read', { proc: 'p1', vpn })).toEqual({ value: 99 });
  });
  it('shares anon pages read-only, copies pinned ones, and does not copy shared VMAs', () => {
    const sim = new Sim('v6.1');
    const { vpn, pfn } = anonPage(sim, 1, 2);
    const pinnedPfn = sim.pte('p0', vpn + 1)!.pfn;
    sim.do('pin_user_pages', { proc: 'p0', vpn: vpn + 1, write: true, longterm: false, fast: false });
    const { vpn: sv } = sim.do('mmap', { proc: 'p0', npages: 1, kind: 'shmem', shared: true, prot: 'write' }) as { vpn: number };
    sim.do('cpu_write', { proc: 'p0', vpn: sv, value: 5 });
    sim.do('fork', { proc: 'p0' });
    expect(sim.pte('p0', vpn)).toEqual({ kind: 'present', pfn, write: false });
    expect(sim.pte('p1', vpn)).toEqual({ kind: 'present', pfn, write: false });
    expect(sim.pte('p0', vpn + 1)).toEqual({ kind: 'present', pfn: pinnedPfn, write: true });
    const copy = sim.pte('p1', vpn + 1)!;
    expect(copy.pfn).not.toBe(pinnedPfn);
    expect(sim.frame(copy.pfn)).toMatchObject({ data: 2, anon: true, memcg: 'm0' });
    expect(sim.pte('p1', sv)).toBeUndefined();
    expect(sim.do('cpu_read', { proc: 'p1', vpn: sv })).toEqual({ value: 5 });
    expect(sim.state.procs.p1!.written).toEqual(sim.state.procs.p0!.written);
  });
  it('fails with ENOMEM and changes nothing else when the pinned copy cannot be allocated', () => {
    const sim = new Sim('v6.1');
    const { vpn } = anonPage(sim, 1);
    sim.do('pin_user_pages', { proc: 'p0', vpn, write: true, longterm: false, fast: true });
    sim.do('fail_next_alloc', { where: 'system' });
    const before = sim.state;
    expect(sim.do('fork', { proc: 'p0' })).toEqual({ errno: 'ENOMEM' });
    expect(sim.state).toEqual({ ...before, failNextAlloc: { device: false, system: false } });
  });
});

describe('exit', () => {
  it('unmaps everything; GUP references stay and keep their frame', () => {
    const sim = new Sim('v6.1');
    const { vpn, pfn } = anonPage(sim, 3, 2);
    const other = sim.pte('p0', vpn + 1)!.pfn;
    sim.do('get_user_pages', { proc: 'p0', vpn, write: false, fast: false });
    expect(sim.do('exit', { proc: 'p0' })).toEqual({});
    expect(sim.state.procs.p0).toBeUndefined();
    expect(sim.frame(pfn).inUse).toBe(true);
    expect(sim.frame(other).inUse).toBe(false);
    expect(sim.do('exit', { proc: 'p0' })).toEqual({ errno: 'ESRCH' });
    sim.do('put_page', { ref: 'ref0' });
    expect(sim.frame(pfn)).toMatchObject({ inUse: false, frees: 1 });
  });
});
