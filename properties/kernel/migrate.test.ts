import { describe, expect, it } from 'vitest';
import type { EraName } from '../../models/eras/era.ts';
import { pgmapStart } from '../../models/limits.ts';
import { invariantById } from '../../models/invariants/all.ts';
import { counters, kernelFor, run, migrateOnePage } from './run-steps.ts';

const DEV = pgmapStart(0);

function privatePage(era: EraName) {
  const k = kernelFor(era);
  run(k, 'memremap_pages', { type: 'PRIVATE', owner: 'dev0', npages: 4 });
  run(k, 'mmap', { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' });
  run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 42 });
  return k;
}

describe('kernel model: device migration', () => {
  it.each([
    ['v4.14', 2],
    ['v5.x', 2],
    ['v6.0', 1],
    ['v6.1', 1],
    ['upstream', 1],
  ] as const)('a PRIVATE page mapped once has refcount %s → %i', (era, refcount) => {
    const k = privatePage(era);
    expect(run(k, 'migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' })).toEqual({ cpages: 1, data: [42] });
    expect(counters(k, DEV)).toEqual({ refcount, mapcount: 1, pincount: 0, lru: false });
    const s = k.abstract();
    expect(s.procs.p0?.ptes[0]).toEqual({ kind: 'device-private', pfn: DEV, write: true });
    expect(s.frames[DEV]).toMatchObject({ inUse: true, data: 42, memcg: 'm0', anon: true, allocs: 1 });
    // The source system page went back to the buddy allocator, uncharged.
    expect(s.frames[1]).toMatchObject({ inUse: false, frees: 1, memcg: null, anon: false });
    expect(k.view().memcgUsage).toEqual({ m0: 1 });
  });

  it('pgmap references follow allocations under v6.1 and not under v6.0', () => {
    const a = privatePage('v6.1');
    run(a, 'migrate_to_device', { proc: 'p0', vpn: 0, npages: 2, pgmap: 'pgmap0' });
    expect(a.view().pgmapRefs.pgmap0).toBe(3);
    const b = privatePage('v6.0');
    run(b, 'migrate_to_device', { proc: 'p0', vpn: 0, npages: 2, pgmap: 'pgmap0' });
    expect(b.view().pgmapRefs.pgmap0).toBe(5);
  });

  it('a hole gets a zeroed device page charged to the process; the CPU fault brings it back', () => {
    const k = privatePage('upstream');
    const r = k.apply({ op: 'migrate_to_device', args: { proc: 'p0', vpn: 0, npages: 2, pgmap: 'pgmap0' } });
    expect(r.result).toEqual({ cpages: 2, data: [42, 0] });
    expect(r.events).toEqual([{ ev: 'migrate', from: 1, to: DEV }]);
    expect(k.abstract().frames[DEV + 1]).toMatchObject({ inUse: true, data: 0, memcg: 'm0' });
    const back = k.apply({ op: 'cpu_read', args: { proc: 'p0', vpn: 0 } });
    expect(back.result).toEqual({ value: 42 });
    expect(back.events).toEqual([{ ev: 'migrate', from: DEV, to: 1 }]);
    expect(k.abstract().procs.p0?.ptes[0]).toEqual({ kind: 'present', pfn: 1, write: true });
    expect(counters(k, DEV).refcount).toBe(0);
    expect(k.abstract().frames[DEV]).toMatchObject({ inUse: false, frees: 1 });
  });

  it('a GUP-referenced system page is not migrated (migrate-skip refs)', () => {
    const k = privatePage('upstream');
    expect(run(k, 'get_user_pages', { proc: 'p0', vpn: 0, write: false, fast: false })).toEqual({ ref: 'ref0' });
    const r = k.apply({ op: 'migrate_to_device', args: { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' } });
    expect(r.result).toEqual({ errno: 'ENOENT' });
    expect(r.events).toEqual([{ ev: 'migrate-skip', pfn: 1, reason: 'refs' }]);
    expect(counters(k, 1)).toEqual({ refcount: 2, mapcount: 1, pincount: 0, lru: true });
    expect(k.abstract().procs.p0?.ptes[0]).toEqual({ kind: 'present', pfn: 1, write: true });
  });

  it('a COHERENT page with one FOLL_GET ref passes migrate_vma_check_page (extra++) but folio_migrate_mapping refuses it', () => {
    const k = kernelFor('v6.1');
    migrateOnePage(k, 'COHERENT', 7);
    run(k, 'get_user_pages', { proc: 'p0', vpn: 0, write: false, fast: false });
    const r = k.apply({ op: 'migrate_to_ram', args: { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' } });
    expect(r.result).toEqual({ cpages: 0 });
    expect(r.events).toEqual([{ ev: 'migrate-skip', pfn: DEV, reason: 'refs' }]);
    expect(k.abstract().procs.p0?.ptes[0]).toEqual({ kind: 'present', pfn: DEV, write: true });
    // The destination was allocated after the pre-check and put back.
    expect(k.abstract().frames[1]).toMatchObject({ inUse: false, allocs: 2, frees: 2 });
  });

  it('folio_migrate_mapping counts through the expected_page_refs hook: a wrong one moves a referenced page', () => {
    const k = kernelFor('v6.1', { expected_page_refs: (folio) => folio.refcount });
    run(k, 'memremap_pages', { type: 'PRIVATE', owner: 'dev0', npages: 1 });
    run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 7 });
    run(k, 'get_user_pages', { proc: 'p0', vpn: 0, write: false, fast: false });
    const r = k.apply({ op: 'migrate_to_device', args: { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' } });
    // migrate_vma_check_page refuses it first (a system page has no slack) …
    expect(r.events).toEqual([{ ev: 'migrate-skip', pfn: 1, reason: 'refs' }]);
    // … but a COHERENT page with one reference gets past the pre-check and the broken count.
    const c = kernelFor('v6.1', { expected_page_refs: (folio) => folio.refcount });
    run(c, 'memremap_pages', { type: 'COHERENT', owner: 'dev0', npages: 1 });
    run(c, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
    run(c, 'cpu_write', { proc: 'p0', vpn: 0, value: 7 });
    run(c, 'migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' });
    run(c, 'get_user_pages', { proc: 'p0', vpn: 0, write: false, fast: false });
    const before = c.view();
    const step = { op: 'migrate_to_ram', args: { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' } } as const;
    const m = c.apply(step);
    expect(m.result).toEqual({ cpages: 1 });
    expect(invariantById('pinned-not-migrated').check(c.view(), before, { ...step, result: m.result, events: m.events })).not.toEqual([]);
  });

  it('device allocation failure skips the page', () => {
    const k = privatePage('v6.1');
    run(k, 'fail_next_alloc', { where: 'device' });
    const r = k.apply({ op: 'migrate_to_device', args: { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' } });
    expect(r.result).toEqual({ errno: 'ENOENT' });
    expect(r.events).toEqual([{ ev: 'migrate-skip', pfn: 1, reason: 'alloc' }]);
    expect(k.abstract().failNextAlloc.device).toBe(false);
  });

  it('migrate_to_ram selects only the owner’s pages; device_read of another owner faults them back', () => {
    const k = privatePage('upstream');
    run(k, 'migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' });
    run(k, 'memremap_pages', { type: 'PRIVATE', owner: 'dev1', npages: 2 });
    expect(run(k, 'migrate_to_ram', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap1' })).toEqual({ cpages: 0 });
    const snap = run(k, 'snapshot', { proc: 'p0', vpn: 0, npages: 2, owner: 'dev0' });
    expect(snap).toEqual({ cpages: 2, prot: [0x22, 0] });
    const r = k.apply({ op: 'device_read', args: { proc: 'p0', vpn: 0, npages: 1, owner: 'dev1' } });
    expect(r.result).toEqual({ cpages: 1, faults: 1, data: [42] });
    expect(k.abstract().procs.p0?.ptes[0]?.kind).toBe('present');
  });

  it('migrate_device_range evicts COHERENT pages after fork, remapping both processes', () => {
    const k = kernelFor('v6.1');
    run(k, 'memremap_pages', { type: 'COHERENT', owner: 'dev0', npages: 2 });
    run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 9 });
    run(k, 'migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' });
    expect(run(k, 'fork', { proc: 'p0' })).toEqual({ child: 'p1' });
    expect(counters(k, DEV)).toEqual({ refcount: 2, mapcount: 2, pincount: 0, lru: false });
    expect(run(k, 'migrate_device_range', { pgmap: 'pgmap0' })).toEqual({ cpages: 1 });
    const s = k.abstract();
    expect(s.procs.p0?.ptes[0]).toEqual({ kind: 'present', pfn: 1, write: false });
    expect(s.procs.p1?.ptes[0]).toEqual({ kind: 'present', pfn: 1, write: false });
    expect(counters(k, 1)).toEqual({ refcount: 2, mapcount: 2, pincount: 0, lru: true });
    expect(run(k, 'cpu_read', { proc: 'p1', vpn: 0 })).toEqual({ value: 9 });
  });
});
