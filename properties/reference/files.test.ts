// Reference: punching holes, writeback and dropping the page cache (docs §2
// fallocate_punch_hole, fsync, drop_caches): the ghost records what a read
// must return, storage what a page dropped from the cache reads back.
import { describe, expect, it } from 'vitest';
import { pgmapStart } from './imports.ts';
import { Sim, device } from './sim.ts';

/** A shared file mapping of `npages` at vpn 0 (f0), written with 1, 2, … */
function sharedFile(sim: Sim, npages: number): void {
  sim.do('mmap', { proc: 'p0', npages, kind: 'file', shared: true, prot: 'write' });
  for (let v = 0; v < npages; v++) sim.do('cpu_write', { proc: 'p0', vpn: v, value: v + 1 });
}

describe('dirty bits and writeback', () => {
  it('a store dirties the PTE; fsync writes the page to storage and cleans the PTE and the page', () => {
    const sim = new Sim('upstream');
    sharedFile(sim, 1);
    expect(sim.pte('p0', 0)).toEqual({ kind: 'present', pfn: 1, write: true, dirty: true });
    expect(sim.state.files.f0).toMatchObject({ written: { 0: 1 }, stored: {} });
    expect(sim.do('fsync', { file: 'f0' })).toEqual({});
    expect(sim.pte('p0', 0)).toEqual({ kind: 'present', pfn: 1, write: false });
    expect(sim.state.files.f0?.stored).toEqual({ 0: 1 });
    expect(sim.frame(1).dirty).toBeUndefined();
  });

  it('drop_caches drops only clean pages nothing maps or holds; the next fault reads storage', () => {
    const sim = new Sim('v6.1');
    sharedFile(sim, 2);
    sim.do('mmap', { proc: 'p0', npages: 2, kind: 'file', shared: true, prot: 'read', file: 'f0' });
    sim.do('cpu_read', { proc: 'p0', vpn: 2 });
    sim.do('munmap', { proc: 'p0', vpn: 0, npages: 2 });
    expect(sim.frame(1).dirty).toBe(true); // zap_pte_range handed the dirty bit over
    expect(sim.do('drop_caches', {})).toEqual({ dropped: 0 });
    sim.do('fsync', { file: 'f0' });
    expect(sim.do('drop_caches', {})).toEqual({ dropped: 1 }); // index 1: clean and unmapped; index 0 is mapped at vpn 2
    expect(sim.state.files.f0).toMatchObject({ pages: { 0: 1 }, stored: { 0: 1, 1: 2 } });
    expect(sim.do('cpu_read', { proc: 'p0', vpn: 3 })).toEqual({ value: 2 });
  });

  it('the last munmap writes the file back before its page cache goes', () => {
    const sim = new Sim('v5.x');
    sharedFile(sim, 1);
    sim.do('munmap', { proc: 'p0', vpn: 0, npages: 1 });
    expect(sim.state.files.f0).toMatchObject({ pages: {}, stored: { 0: 1 } });
  });

  it('memory_failure of a page not yet written back loses the write: the ghost falls back to storage', () => {
    const sim = new Sim('upstream');
    sharedFile(sim, 1);
    sim.do('memory_failure', { proc: 'p0', vpn: 0, countIncreased: false });
    expect(sim.state.files.f0).toMatchObject({ pages: {}, written: {}, stored: {} });
  });
});

describe('fallocate_punch_hole', () => {
  it('a page-cache range leaves the mappings and the cache, its storage is a hole and it reads 0; a pinned page stays allocated', () => {
    const sim = new Sim('upstream');
    sharedFile(sim, 2);
    sim.do('fsync', { file: 'f0' });
    sim.do('pin_user_pages', { proc: 'p0', vpn: 1, write: false, longterm: false, fast: false });
    expect(sim.do('fallocate_punch_hole', { file: 'f0', index: 1, npages: 4 })).toEqual({ waiting: null });
    expect(sim.state.files.f0).toMatchObject({ pages: { 0: 1 }, written: { 0: 1 }, stored: { 0: 1 } });
    expect(sim.pte('p0', 1)).toBeUndefined();
    expect(sim.frame(2)).toMatchObject({ inUse: true, file: null });
    expect(sim.do('cpu_read', { proc: 'p0', vpn: 1 })).toEqual({ value: 0 });
  });

  it('FS_DAX: a pinned page puts the task to sleep; the unpin completes the punch', () => {
    const sim = new Sim('v6.1');
    const pgmap = device(sim, 'FS_DAX', 'pmem', 2);
    const pfn = pgmapStart(0);
    sim.do('mmap', { proc: 'p0', npages: 2, kind: 'dax', shared: true, prot: 'write', pgmap });
    sim.do('cpu_write', { proc: 'p0', vpn: 1, value: 8 });
    sim.do('get_user_pages', { proc: 'p0', vpn: 1, write: false, fast: false });
    expect(sim.do('fallocate_punch_hole', { file: 'f0', index: 0, npages: 2 })).toEqual({ waiting: pfn + 1 });
    expect(sim.state.files.f0?.punchHole).toEqual({ index: 0, npages: 2, waitOn: pfn + 1 });
    expect(sim.pte('p0', 1)).toBeUndefined();
    expect(sim.do('fallocate_punch_hole', { file: 'f0', index: 0, npages: 1 })).toEqual({ errno: 'EBUSY' });
    sim.do('put_page', { ref: 'ref0' });
    expect(sim.state.files.f0?.punchHole).toBeUndefined();
    expect(sim.frame(pfn + 1).data).toBe(0);
    expect(sim.do('cpu_read', { proc: 'p0', vpn: 1 })).toEqual({ value: 0 });
  });

  it('v4.14 HOST pmem has no busy-page scan: the pinned page is punched at once; GENERIC has no ->fallocate', () => {
    const sim = new Sim('v4.14');
    const pgmap = device(sim, 'HOST', 'pmem', 1);
    sim.do('mmap', { proc: 'p0', npages: 1, kind: 'dax', shared: true, prot: 'write', pgmap });
    sim.do('cpu_write', { proc: 'p0', vpn: 0, value: 8 });
    sim.do('get_user_pages', { proc: 'p0', vpn: 0, write: false, fast: false });
    expect(sim.do('fallocate_punch_hole', { file: 'f0', index: 0, npages: 1 })).toEqual({ waiting: null });
    const gen = new Sim('upstream');
    device(gen, 'GENERIC', 'dax', 1);
    expect(gen.do('fallocate_punch_hole', { file: 'f0', index: 0, npages: 1 })).toEqual({ errno: 'EOPNOTSUPP' });
    expect(gen.do('fallocate_punch_hole', { file: 'f9', index: 0, npages: 1 })).toEqual({ errno: 'EINVAL' });
  });
});
