// move_pages in the kernel model (models/kernel/move-pages.ts,
// migrate-folio.ts): add_page_for_migration's decisions and the
// references it takes and drops.
import { describe, expect, it } from 'vitest';
import { pgmapStart } from '../../models/limits.ts';
import type { KernelInstance } from '../../models/model.ts';
import { counters, kernelFor, migrateOnePage, run } from './run-steps.ts';

function anonPage(k: KernelInstance, value: number): void {
  run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
  run(k, 'cpu_write', { proc: 'p0', vpn: 0, value });
}

describe('move_pages', () => {
  it('moves a page to a new frame with its data, charge and LRU, and frees the old one', () => {
    const k = kernelFor('upstream');
    anonPage(k, 6);
    const r = k.apply({ op: 'move_pages', args: { proc: 'p0', vpn: 0, moveAll: false } });
    expect(r.result).toEqual({ status: 'moved' });
    expect(r.events).toEqual([{ ev: 'migrate', from: 1, to: 2 }]);
    const s = k.abstract();
    expect(s.procs.p0?.ptes[0]).toEqual({ kind: 'present', pfn: 2, write: true });
    expect(s.frames[2]).toMatchObject({ data: 6, memcg: 'm0', anon: true });
    expect(s.frames[1]).toMatchObject({ inUse: false, memcg: null, frees: 1 });
    expect(counters(k, 2)).toEqual({ refcount: 1, mapcount: 1, pincount: 0, lru: true });
  });

  it('moves a page-cache page with its cache slot and dirty bit', () => {
    const k = kernelFor('v6.1');
    run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'file', shared: true, prot: 'write' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 2 });
    run(k, 'munmap', { proc: 'p0', vpn: 0, npages: 1 }); // the last mapping: written back and dropped
    run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'file', shared: true, prot: 'write', file: 'f0' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 1, value: 3 });
    expect(run(k, 'move_pages', { proc: 'p0', vpn: 1, moveAll: false })).toEqual({ status: 'moved' });
    const s = k.abstract();
    expect(s.files.f0?.pages).toEqual({ 0: 2 });
    expect(s.frames[2]).toMatchObject({ file: 'f0', fileIndex: 0, data: 3, dirty: true });
    expect(s.procs.p0?.ptes[1]).toEqual({ kind: 'present', pfn: 2, write: true, dirty: true });
    expect(counters(k, 2).refcount).toBe(2);
  });

  it('a GUP reference fails the exact count: not migrated, the destination freed, the references back where they were', () => {
    const k = kernelFor('upstream');
    anonPage(k, 6);
    run(k, 'get_user_pages', { proc: 'p0', vpn: 0, write: false, fast: false });
    const r = k.apply({ op: 'move_pages', args: { proc: 'p0', vpn: 0, moveAll: false } });
    expect(r.result).toEqual({ status: 'not-migrated' });
    expect(r.events).toEqual([{ ev: 'migrate-skip', pfn: 1, reason: 'refs' }]);
    expect(counters(k, 1)).toEqual({ refcount: 2, mapcount: 1, pincount: 0, lru: true });
    expect(k.abstract().frames[2]).toMatchObject({ inUse: false, allocs: 1, frees: 1 });
  });

  it('no destination: -ENOMEM, nothing moved', () => {
    const k = kernelFor('upstream');
    anonPage(k, 6);
    run(k, 'fail_next_alloc', { where: 'system' });
    expect(run(k, 'move_pages', { proc: 'p0', vpn: 0, moveAll: false })).toEqual({ errno: 'ENOMEM' });
    expect(counters(k, 1)).toEqual({ refcount: 1, mapcount: 1, pincount: 0, lru: true });
  });

  it('add_page_for_migration refuses a ZONE_DEVICE page with ENOENT; a proposal letting it through meets isolate_lru_page (EBUSY)', () => {
    const k = kernelFor('upstream');
    migrateOnePage(k, 'COHERENT', 1);
    expect(run(k, 'move_pages', { proc: 'p0', vpn: 0, moveAll: false })).toEqual({ status: 'ENOENT' });
    const m = kernelFor('upstream', { add_page_for_migration: () => true });
    migrateOnePage(m, 'COHERENT', 1);
    expect(run(m, 'move_pages', { proc: 'p0', vpn: 0, moveAll: false })).toEqual({ status: 'EBUSY' });
    expect(counters(m, pgmapStart(0)).refcount).toBe(1);
  });

  it('the follow_page reference is dropped on every path (put_ref_page, site add_page_for_migration); forgetting it leaks one', () => {
    const k = kernelFor('upstream', { put_ref_page: (_f, { site }) => site !== 'add_page_for_migration' });
    migrateOnePage(k, 'COHERENT', 1);
    run(k, 'move_pages', { proc: 'p0', vpn: 0, moveAll: false });
    expect(counters(k, pgmapStart(0)).refcount).toBe(2);
  });
});
