// Reference: the driver and device operations (docs/operations.md §1).
import { describe, expect, it } from 'vitest';
import { HMM_DMIRROR_PROT as PROT, pgmapStart } from './imports.ts';
import { Sim, anonPage, device } from './sim.ts';

describe('memremap_pages', () => {
  it('creates pgmap0 with free frames of the type; dax types get a file', () => {
    const sim = new Sim('v6.1');
    expect(sim.do('memremap_pages', { type: 'PRIVATE', owner: 'd', npages: 2 })).toEqual({ pgmap: 'pgmap0' });
    expect(sim.state.pgmaps.pgmap0).toMatchObject({ type: 'PRIVATE', start: pgmapStart(0), npages: 2, file: null, killed: false });
    expect(sim.frame(pgmapStart(0) + 1)).toMatchObject({ type: 'PRIVATE', pgmap: 'pgmap0', index: 1, inUse: false });
    expect(sim.do('memremap_pages', { type: 'FS_DAX', owner: 'd', npages: 2 })).toEqual({ pgmap: 'pgmap1' });
    expect(sim.state.pgmaps.pgmap1!.file).toBe('f0');
    expect(sim.state.files.f0).toEqual({ kind: 'dax', npages: 2, pages: {}, written: {}, stored: {} });
  });
  it('refuses a type the era does not have, and an empty owner', () => {
    const sim = new Sim('v6.1');
    const before = sim.state;
    expect(sim.do('memremap_pages', { type: 'PUBLIC', owner: 'd', npages: 1 })).toEqual({ errno: 'EINVAL' });
    expect(sim.do('memremap_pages', { type: 'PRIVATE', owner: '', npages: 1 })).toEqual({ errno: 'EINVAL' });
    expect(sim.state).toEqual(before);
    expect(new Sim('v4.14').do('memremap_pages', { type: 'PUBLIC', owner: 'd', npages: 1 })).toEqual({ pgmap: 'pgmap0' });
  });
});

describe('memunmap_pages', () => {
  it('is EBUSY (and killed) while a page is in use, then completes after eviction', () => {
    const sim = new Sim('v6.1');
    const { vpn } = anonPage(sim, 5);
    const pg = device(sim, 'PRIVATE');
    sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: pg });
    expect(sim.do('memunmap_pages', { pgmap: pg })).toEqual({ errno: 'EBUSY' });
    expect(sim.state.pgmaps[pg]).toMatchObject({ killed: true, removed: false });
    expect(sim.do('migrate_device_range', { pgmap: pg })).toEqual({ cpages: 1 });
    expect(sim.do('memunmap_pages', { pgmap: pg })).toEqual({});
    expect(sim.state.pgmaps[pg]!.removed).toBe(true);
    expect(sim.do('memunmap_pages', { pgmap: pg })).toEqual({ errno: 'EINVAL' });
    expect(sim.do('cpu_read', { proc: 'p0', vpn })).toEqual({ value: 5 });
  });
});

describe('migrate_to_device', () => {
  it('fills holes with zeroed device pages charged to the process', () => {
    const sim = new Sim('v6.1');
    const { vpn } = sim.do('mmap', { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' }) as { vpn: number };
    const pg = device(sim, 'COHERENT');
    expect(sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 2, pgmap: pg })).toEqual({ cpages: 2, data: [0, 0] });
    expect(sim.pte('p0', vpn)).toEqual({ kind: 'present', pfn: pgmapStart(0), write: true });
    expect(sim.frame(pgmapStart(0))).toMatchObject({ inUse: true, memcg: 'm0', anon: true, allocs: 1 });
  });
  it('skips page-cache pages (not-anon) and then fails the verification with ENOENT', () => {
    const sim = new Sim('v6.1');
    const { vpn } = sim.do('mmap', { proc: 'p0', npages: 1, kind: 'shmem', shared: true, prot: 'write' }) as { vpn: number };
    sim.do('cpu_write', { proc: 'p0', vpn, value: 3 });
    const pfn = sim.pte('p0', vpn)!.pfn;
    const pg = device(sim, 'PRIVATE');
    expect(sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: pg })).toEqual({ errno: 'ENOENT' });
    expect(sim.lastEvents).toContainEqual({ ev: 'migrate-skip', pfn, reason: 'not-anon' });
    expect(sim.pte('p0', vpn)!.pfn).toBe(pfn);
    // The destination the driver allocated went back to it.
    expect(sim.frame(pgmapStart(0))).toMatchObject({ inUse: false, allocs: 1, frees: 1 });
  });
  it('leaves a page with a FOLL_GET reference on system RAM (migrate-skip refs)', () => {
    const sim = new Sim('v6.1');
    const { vpn, pfn } = anonPage(sim, 1);
    sim.do('get_user_pages', { proc: 'p0', vpn, write: false, fast: false });
    const pg = device(sim, 'PRIVATE');
    expect(sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: pg })).toEqual({ errno: 'ENOENT' });
    expect(sim.lastEvents).toEqual([{ ev: 'migrate-skip', pfn, reason: 'refs' }]);
  });
  it('rejects dax VMAs, killed pgmaps and non-migrate types with EINVAL', () => {
    const sim = new Sim('v6.1');
    const { vpn } = anonPage(sim);
    const dax = device(sim, 'FS_DAX');
    expect(sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: dax })).toEqual({ errno: 'EINVAL' });
    expect(sim.do('migrate_to_device', { proc: 'p0', vpn: vpn + 5, npages: 1, pgmap: dax })).toEqual({ errno: 'EINVAL' });
    expect(sim.do('migrate_to_device', { proc: 'p9', vpn, npages: 1, pgmap: dax })).toEqual({ errno: 'ESRCH' });
  });
  it('allocation failure skips the page (fail_next_alloc device)', () => {
    const sim = new Sim('v6.1');
    const { vpn, pfn } = anonPage(sim, 9);
    const pg = device(sim, 'PRIVATE');
    sim.do('fail_next_alloc', { where: 'device' });
    expect(sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: pg })).toEqual({ errno: 'ENOENT' });
    expect(sim.lastEvents).toEqual([{ ev: 'migrate-skip', pfn, reason: 'alloc' }]);
    expect(sim.state.failNextAlloc.device).toBe(false);
  });
});

describe('migrate_to_ram', () => {
  it('brings back only the pages of the pgmap owner', () => {
    const sim = new Sim('v6.1');
    const { vpn } = anonPage(sim, 10, 2);
    const a = device(sim, 'PRIVATE', 'a');
    const b = device(sim, 'PRIVATE', 'b');
    sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: a });
    sim.do('migrate_to_device', { proc: 'p0', vpn: vpn + 1, npages: 1, pgmap: b });
    expect(sim.do('migrate_to_ram', { proc: 'p0', vpn, npages: 2, pgmap: a })).toEqual({ cpages: 1 });
    expect(sim.pte('p0', vpn)!.kind).toBe('present');
    expect(sim.pte('p0', vpn + 1)!.kind).toBe('device-private');
    expect(sim.do('cpu_read', { proc: 'p0', vpn })).toEqual({ value: 10 });
  });
  it('moves coherent pages back and keeps the write bit', () => {
    const sim = new Sim('v6.0');
    const { vpn } = anonPage(sim, 4);
    const pg = device(sim, 'COHERENT');
    sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: pg });
    expect(sim.do('migrate_to_ram', { proc: 'p0', vpn, npages: 1, pgmap: pg })).toEqual({ cpages: 1 });
    const pte = sim.pte('p0', vpn)!;
    expect(pte).toMatchObject({ kind: 'present', write: true });
    expect(sim.frame(pte.pfn)).toMatchObject({ type: 'SYSTEM', data: 4, memcg: 'm0', anon: true });
  });
});

describe('migrate_device_range', () => {
  it("evicts every in-use page of the pgmap, also other processes' mappings", () => {
    const sim = new Sim('v6.1');
    const { vpn } = anonPage(sim, 8);
    const pg = device(sim, 'COHERENT');
    sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: pg });
    const { child } = sim.do('fork', { proc: 'p0' }) as { child: 'p1' };
    expect(sim.do('migrate_device_range', { pgmap: pg })).toEqual({ cpages: 1 });
    const moved = sim.pte('p0', vpn)!.pfn;
    expect(sim.pte(child, vpn)!.pfn).toBe(moved);
    expect(sim.frame(moved).type).toBe('SYSTEM');
    expect(sim.frame(pgmapStart(0))).toMatchObject({ inUse: false, frees: 1 });
  });
  it('ignores fail_next_alloc(system) (__GFP_NOFAIL)', () => {
    const sim = new Sim('v6.1');
    const { vpn } = anonPage(sim, 8);
    const pg = device(sim, 'PRIVATE');
    sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: pg });
    sim.do('fail_next_alloc', { where: 'system' });
    expect(sim.do('migrate_device_range', { pgmap: pg })).toEqual({ cpages: 1 });
    expect(sim.state.failNextAlloc.system).toBe(true);
  });
});

describe('device_read / device_write', () => {
  it("reads own device-private pages in place and faults other owners' back", () => {
    const sim = new Sim('v6.1');
    const { vpn } = anonPage(sim, 21);
    const pg = device(sim, 'PRIVATE', 'a');
    sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: pg });
    expect(sim.do('device_read', { proc: 'p0', vpn, npages: 1, owner: 'a' })).toEqual({ cpages: 1, faults: 1, data: [21] });
    expect(sim.lastEvents).toEqual([{ ev: 'device-access', pfn: pgmapStart(0), owner: 'a' }]);
    expect(sim.pte('p0', vpn)!.kind).toBe('device-private');
    expect(sim.do('device_read', { proc: 'p0', vpn, npages: 1, owner: 'b' })).toEqual({ cpages: 1, faults: 1, data: [21] });
    expect(sim.pte('p0', vpn)!.kind).toBe('present');
  });
  it('read faults pte_none to the zero page; write stores in frame and ghost', () => {
    const sim = new Sim('v6.1');
    const { vpn } = sim.do('mmap', { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' }) as { vpn: number };
    expect(sim.do('device_read', { proc: 'p0', vpn, npages: 2, owner: 'a' })).toEqual({ cpages: 2, faults: 1, data: [0, 0] });
    expect(sim.pte('p0', vpn)).toEqual({ kind: 'present', pfn: 0, write: false });
    expect(sim.do('device_write', { proc: 'p0', vpn, npages: 2, owner: 'a', data: [5, 6] })).toEqual({ cpages: 2, faults: 1 });
    expect(sim.state.procs.p0!.written).toEqual({ [vpn]: 5, [vpn + 1]: 6 });
    expect(sim.do('cpu_read', { proc: 'p0', vpn: vpn + 1 })).toEqual({ value: 6 });
  });
  it('checks VMAs first: EFAULT without VMA, EPERM on a read-only VMA, EINVAL on bad data', () => {
    const sim = new Sim('v6.1');
    const { vpn } = sim.do('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'read' }) as { vpn: number };
    expect(sim.do('device_read', { proc: 'p0', vpn: vpn + 1, npages: 1, owner: 'a' })).toEqual({ errno: 'EFAULT' });
    expect(sim.do('device_write', { proc: 'p0', vpn, npages: 1, owner: 'a', data: [1] })).toEqual({ errno: 'EPERM' });
    expect(sim.do('device_write', { proc: 'p0', vpn, npages: 1, owner: 'a', data: [] })).toEqual({ errno: 'EINVAL' });
  });
});

describe('snapshot', () => {
  it('reports zero, system, private local/remote and coherent categories without changing anything', () => {
    const sim = new Sim('v6.1');
    const { vpn } = anonPage(sim, 1, 3);
    const { vpn: ro } = sim.do('mmap', { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'read' }) as { vpn: number };
    sim.do('cpu_read', { proc: 'p0', vpn: ro });
    const a = device(sim, 'PRIVATE', 'a');
    const c = device(sim, 'COHERENT', 'c');
    sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: a });
    sim.do('migrate_to_device', { proc: 'p0', vpn: vpn + 1, npages: 1, pgmap: c });
    const before = sim.state;
    const r = sim.do('snapshot', { proc: 'p0', vpn, npages: 5, owner: 'a' });
    expect(r).toEqual({
      cpages: 5,
      prot: [PROT.DEV_PRIVATE_LOCAL | PROT.WRITE, PROT.DEV_COHERENT_REMOTE | PROT.WRITE, PROT.WRITE, PROT.ZERO | PROT.READ, PROT.NONE],
    });
    expect(sim.state).toEqual(before);
    expect(sim.do('snapshot', { proc: 'p0', vpn, npages: 1, owner: 'b' })).toEqual({ cpages: 1, prot: [PROT.NONE] });
    expect(sim.do('snapshot', { proc: 'p0', vpn: 1000, npages: 1, owner: 'b' })).toEqual({ cpages: 1, prot: [PROT.ERROR] });
  });
  it("reports another owner's private page as remote before owner checks (v4.14)", () => {
    const sim = new Sim('v4.14');
    const { vpn } = anonPage(sim, 1);
    const a = device(sim, 'PRIVATE', 'a');
    sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: a });
    expect(sim.do('snapshot', { proc: 'p0', vpn, npages: 1, owner: 'b' })).toEqual({ cpages: 1, prot: [PROT.DEV_PRIVATE_REMOTE | PROT.WRITE] });
  });
});

describe('make_device_exclusive / check_exclusive', () => {
  it('makes anon pages exclusive until the CPU touches them', () => {
    const sim = new Sim('v6.1');
    const { vpn, pfn } = anonPage(sim, 13);
    expect(sim.do('make_device_exclusive', { proc: 'p0', vpn, npages: 1, owner: 'a' })).toEqual({ cpages: 1, data: [13] });
    expect(sim.pte('p0', vpn)).toEqual({ kind: 'device-exclusive', pfn, write: true, owner: 'a' });
    expect(sim.view().counters[pfn]!.mapcount).toBe(1);
    expect(sim.do('check_exclusive', { proc: 'p0', vpn, npages: 1, owner: 'a' })).toEqual({ errno: 'EPERM' });
    expect(sim.do('check_exclusive', { proc: 'p0', vpn, npages: 1, owner: 'b' })).toEqual({});
    expect(sim.do('cpu_read', { proc: 'p0', vpn })).toEqual({ value: 13 });
    expect(sim.pte('p0', vpn)).toEqual({ kind: 'present', pfn, write: true });
    expect(sim.do('check_exclusive', { proc: 'p0', vpn, npages: 1, owner: 'a' })).toEqual({});
  });
  it('refuses page-cache pages (EOPNOTSUPP) and eras without it (EINVAL)', () => {
    const sim = new Sim('v6.1');
    const { vpn } = sim.do('mmap', { proc: 'p0', npages: 1, kind: 'shmem', shared: true, prot: 'write' }) as { vpn: number };
    expect(sim.do('make_device_exclusive', { proc: 'p0', vpn, npages: 1, owner: 'a' })).toEqual({ errno: 'EOPNOTSUPP' });
    // The write fault happened and stays.
    expect(sim.pte('p0', vpn)!.write).toBe(true);
    const old = new Sim('v4.14');
    anonPage(old);
    expect(old.do('make_device_exclusive', { proc: 'p0', vpn: 0, npages: 1, owner: 'a' })).toEqual({ errno: 'EINVAL' });
  });
});
