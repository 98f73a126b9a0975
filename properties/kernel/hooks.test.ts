import { describe, expect, it } from 'vitest';
import { ERAS } from '../../models/eras/registry.ts';
import { createKernel } from '../../models/kernel/create-kernel.ts';
import { defaultHooks } from '../../models/kernel/default-hooks.ts';
import { HOOK_NAMES, type HookName, type Hooks } from '../../models/kernel/hooks.ts';
import { pgmapStart } from '../../models/limits.ts';
import { invariantById } from '../../models/invariants/all.ts';
import { counters, kernelFor, run, migrateOnePage } from './run-steps.ts';

describe('kernel model: proposal hooks', () => {
  it('asks every hook, always (subject, ctx), with frozen subjects', () => {
    const called = new Set<HookName>();
    /** The era's default hooks, each noting that it was asked and how. */
    const recording = (era: (typeof ERAS)[keyof typeof ERAS]): Hooks => {
      const base = defaultHooks(era);
      return Object.fromEntries(
        HOOK_NAMES.map((name) => [
          name,
          (...args: unknown[]) => {
            called.add(name);
            expect(args, name).toHaveLength(2);
            expect(Object.isFrozen(args[0]), name).toBe(true);
            expect(typeof args[1], name).toBe('object');
            return (base[name] as (...a: unknown[]) => unknown)(...args);
          },
        ]),
      ) as unknown as Hooks;
    };
    const era = ERAS['v6.0'];
    const k = createKernel(era, recording(era));
    run(k, 'memremap_pages', { type: 'PRIVATE', owner: 'dev0', npages: 2 });
    run(k, 'memremap_pages', { type: 'COHERENT', owner: 'dev1', npages: 2 });
    run(k, 'memremap_pages', { type: 'FS_DAX', owner: 'pmem', npages: 1 });
    run(k, 'mmap', { proc: 'p0', npages: 3, kind: 'anon', shared: false, prot: 'write' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 1 });
    run(k, 'cpu_write', { proc: 'p0', vpn: 1, value: 2 });
    run(k, 'cpu_write', { proc: 'p0', vpn: 2, value: 3 });
    run(k, 'migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' });
    run(k, 'migrate_to_device', { proc: 'p0', vpn: 1, npages: 1, pgmap: 'pgmap1' });
    run(k, 'pin_user_pages', { proc: 'p0', vpn: 1, write: false, longterm: true, fast: true });
    run(k, 'fork', { proc: 'p0' });
    run(k, 'mem_cgroup_create', {});
    run(k, 'mem_cgroup_move_task', { proc: 'p0', memcg: 'm1', moveCharge: true });
    run(k, 'device_read', { proc: 'p0', vpn: 0, npages: 1, owner: 'dev1' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 2, value: 4 });
    run(k, 'make_device_exclusive', { proc: 'p0', vpn: 2, npages: 1, owner: 'dev0' });
    run(k, 'memory_failure', { pgmap: 'pgmap0', index: 0, countIncreased: true });
    run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'dax', shared: true, prot: 'write', pgmap: 'pgmap2' });
    run(k, 'cpu_read', { proc: 'p0', vpn: 3 });
    run(k, 'memory_failure', { proc: 'p0', vpn: 3, countIncreased: false });
    run(k, 'fallocate_punch_hole', { file: 'f0', index: 0, npages: 1 });
    run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'file', shared: true, prot: 'write' });
    run(k, 'cpu_read', { proc: 'p0', vpn: 4 });
    run(k, 'drop_caches', {});
    run(k, 'cpu_write', { proc: 'p0', vpn: 4, value: 5 });
    run(k, 'munmap', { proc: 'p0', vpn: 4, npages: 1 });
    run(k, 'move_pages', { proc: 'p0', vpn: 1, moveAll: true });
    run(k, 'memunmap_pages', { pgmap: 'pgmap1' });
    run(k, 'exit', { proc: 'p1' });
    // The fast path over a present system page: try_grab_folio_fast grabs, gup_fast_pte_range re-reads.
    run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 5, value: 6 });
    expect(run(k, 'get_user_pages', { proc: 'p0', vpn: 5, write: true, fast: true })).toHaveProperty('ref');
    // Per-allocation pgmap references (v6.1+): the order of page_free and the put.
    const k61 = createKernel(ERAS['v6.1'], recording(ERAS['v6.1']));
    run(k61, 'memremap_pages', { type: 'PRIVATE', owner: 'dev0', npages: 1 });
    run(k61, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
    run(k61, 'migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' });
    run(k61, 'munmap', { proc: 'p0', vpn: 0, npages: 1 });
    // A fork paused before it write-protects a shared PTE: may a fast pin of the parent go on meanwhile.
    run(k61, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
    expect(run(k61, 'cpu_write', { proc: 'p0', vpn: 1, value: 1 })).toEqual({});
    expect(k61.startThread?.('t1', { op: 'fork', args: { proc: 'p0' } }).progress.done).toBe(false);
    expect(k61.blockedBy?.({ op: 'pin_user_pages', args: { proc: 'p0', vpn: 1, write: true, longterm: false, fast: true } })).toBe('t1');
    // A migration paused in migrate_vma_collect_pmd: is its TLB flush before or after pte_unmap_unlock.
    const k60 = createKernel(era, recording(era));
    run(k60, 'memremap_pages', { type: 'PRIVATE', owner: 'dev0', npages: 1 });
    run(k60, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
    run(k60, 'cpu_write', { proc: 'p0', vpn: 0, value: 1 });
    expect(k60.startThread?.('t1', { op: 'migrate_to_device', args: { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' } }).progress).toEqual({
      done: false,
      label: 'migrate_vma_collect_pmd: pte_unmap_unlock',
    });
    // A teardown started as a thread: is percpu_ref_kill before or after its wait.
    run(k60, 'memremap_pages', { type: 'PRIVATE', owner: 'dev1', npages: 1 });
    expect(k60.startThread?.('t2', { op: 'memunmap_pages', args: { pgmap: 'pgmap1' } }).progress).toEqual({
      done: false,
      label: 'memunmap_pages: wait_for_completion',
    });
    expect([...called].sort()).toEqual([...HOOK_NAMES].sort());
  });

  it('migrate_vma_check_page → false keeps every page where it is', () => {
    const k = kernelFor('upstream', { migrate_vma_check_page: () => false });
    run(k, 'memremap_pages', { type: 'PRIVATE', owner: 'dev0', npages: 1 });
    run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 1 });
    const r = k.apply({ op: 'migrate_to_device', args: { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' } });
    expect(r.result).toEqual({ errno: 'ENOENT' });
    expect(counters(k, 1)).toEqual({ refcount: 1, mapcount: 1, pincount: 0, lru: true });
  });

  it('a wrong free threshold (at 1 in the zero-idle era) leaves a page the invariants catch', () => {
    const era = ERAS['v6.1'];
    const base = defaultHooks(era);
    const k = createKernel(era, {
      ...base,
      page_is_devmap_managed: (f) => f.zone === 'DEVICE',
      free_zone_device_folio: (f, ctx) => ({ ...base.free_zone_device_folio(f, ctx), at: 1 }),
    });
    migrateOnePage(k, 'PRIVATE', 1);
    // The driver's page_free ran while the page is still mapped.
    expect(k.abstract().frames[pgmapStart(0)]).toMatchObject({ inUse: false, frees: 1 });
    expect(invariantById('refcount-expected').check(k.view()).length).toBeGreaterThan(0);
  });

  it('folio_add_lru → true puts device pages on the LRU (the 2016 NUMA-node design)', () => {
    const k = kernelFor('upstream', { folio_add_lru: () => true });
    run(k, 'memremap_pages', { type: 'COHERENT', owner: 'dev0', npages: 1 });
    run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
    run(k, 'migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' });
    expect(counters(k, pgmapStart(0)).lru).toBe(true);
    expect(invariantById('device-not-on-lru').check(k.view()).length).toBeGreaterThan(0);
  });
});
