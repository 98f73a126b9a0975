// fork, write-fault, device-exclusive and charge-moving hooks (mm/memory.c,
// mm/internal.h, mm/rmap.c, mm/memcontrol-v1.c): the write bits fork leaves,
// which pinned pages it copies, when a write fault may reuse a page, whether
// a device-exclusive entry keeps the rmap, and get_mctgt_type's reference.
import { describe, expect, it } from 'vitest';
import { invariantById } from '../../models/invariants/all.ts';
import type { KernelInstance } from '../../models/model.ts';
import { counters, kernelFor, run } from './run-steps.ts';

/** p0 vpn 0: an anon page written with 1 (pfn 1). */
function anonPage(k: KernelInstance): void {
  run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
  run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 1 });
}

describe('copy_present_ptes', () => {
  it('by default write-protects parent and child; a parent left writable writes into the child', () => {
    const d = kernelFor('upstream');
    anonPage(d);
    run(d, 'fork', { proc: 'p0' });
    expect(d.abstract().procs.p0?.ptes[0]?.write).toBe(false);
    const k = kernelFor('upstream', { copy_present_ptes: () => ({ parent: true, child: false }) });
    anonPage(k);
    run(k, 'fork', { proc: 'p0' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 2 });
    expect(run(k, 'cpu_read', { proc: 'p1', vpn: 0 })).toEqual({ value: 2 });
    expect(invariantById('data-preserved').check(k.view()).length).toBeGreaterThan(0);
  });
});

describe('folio_needs_cow_for_dma', () => {
  it('by default the child of a pinned anon page gets its own copy; without it, it shares the pinned page', () => {
    const childPfn = (k: KernelInstance) => {
      anonPage(k);
      run(k, 'pin_user_pages', { proc: 'p0', vpn: 0, write: true, longterm: false, fast: false });
      run(k, 'fork', { proc: 'p0' });
      return k.abstract().procs.p1?.ptes[0]?.pfn;
    };
    expect(childPfn(kernelFor('upstream'))).toBe(2);
    expect(childPfn(kernelFor('upstream', { folio_needs_cow_for_dma: () => false }))).toBe(1);
  });
});

describe('wp_can_reuse_anon_folio', () => {
  it('reusing a page fork shares turns the parent write into the child data', () => {
    const writeAfterFork = (k: KernelInstance) => {
      anonPage(k);
      run(k, 'fork', { proc: 'p0' });
      run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 9 });
      return run(k, 'cpu_read', { proc: 'p1', vpn: 0 });
    };
    expect(writeAfterFork(kernelFor('upstream'))).toEqual({ value: 1 });
    expect(writeAfterFork(kernelFor('upstream', { wp_can_reuse_anon_folio: () => true }))).toEqual({ value: 9 });
  });
});

describe('make_device_exclusive', () => {
  it('by default the entry keeps the map count; without the rmap (v5.14–v6.14) the count drops until the PTE is restored', () => {
    const d = kernelFor('upstream');
    anonPage(d);
    run(d, 'make_device_exclusive', { proc: 'p0', vpn: 0, npages: 1, owner: 'dev0' });
    expect(counters(d, 1)).toMatchObject({ refcount: 1, mapcount: 1 });
    const k = kernelFor('upstream', { make_device_exclusive: () => false });
    anonPage(k);
    run(k, 'make_device_exclusive', { proc: 'p0', vpn: 0, npages: 1, owner: 'dev0' });
    expect(counters(k, 1)).toMatchObject({ refcount: 1, mapcount: 0 });
    expect(invariantById('refcount-expected').check(k.view()).length).toBeGreaterThan(0);
    run(k, 'cpu_read', { proc: 'p0', vpn: 0 });
    expect(counters(k, 1)).toMatchObject({ refcount: 1, mapcount: 1 });
  });
});

describe('put_ref_page at mem_cgroup_move_charge_pte_range', () => {
  it("skipped, every page charge moving looked at keeps get_mctgt_type's reference", () => {
    const move = (k: KernelInstance) => {
      anonPage(k);
      run(k, 'mem_cgroup_create', {});
      expect(run(k, 'mem_cgroup_move_task', { proc: 'p0', memcg: 'm1', moveCharge: true })).toEqual({ moved: 1 });
      return counters(k, 1).refcount;
    };
    expect(move(kernelFor('v6.1'))).toBe(1);
    const leak = kernelFor('v6.1', { put_ref_page: (_f, ctx) => ctx.site !== 'mem_cgroup_move_charge_pte_range' });
    expect(move(leak)).toBe(2);
    expect(invariantById('refcount-expected').check(leak.view()).length).toBeGreaterThan(0);
  });
});
