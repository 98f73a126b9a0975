// Migration and GUP hooks (mm/migrate_device.c, mm/migrate.c, mm/hmm.c,
// mm/gup.c, mm/memory.c): which pages migrate_vma collects, the write bit
// remove_migration_pte gives, whether hmm uses another device's private
// entry in place, what a long-term pin pins after migrating, and the extra
// references do_swap_page and fast GUP must drop.
import { describe, expect, it } from 'vitest';
import { invariantById } from '../../models/invariants/all.ts';
import { pgmapStart } from '../../models/limits.ts';
import type { Step } from '../../models/ops.ts';
import { firstFailure } from './run-under.ts';
import { counters, kernelFor, migrateOnePage, run } from './run-steps.ts';

describe('migrate_vma_collect_pmd', () => {
  it('collecting nothing leaves the page in RAM: the driver sees -ENOENT', () => {
    const k = kernelFor('upstream', { migrate_vma_collect_pmd: () => false });
    migrateOnePage(k, 'PRIVATE', 4);
    expect(k.abstract().procs.p0?.ptes[0]).toMatchObject({ kind: 'present', pfn: 1 });
    const d = kernelFor('upstream');
    migrateOnePage(d, 'PRIVATE', 4);
    expect(d.abstract().procs.p0?.ptes[0]).toMatchObject({ kind: 'device-private', pfn: pgmapStart(0) });
  });
});

describe('migrate_device_pages', () => {
  /** A private file page written through a shared mapping, then migrate_to_device over the mapping. */
  const filePage: Step[] = [
    { op: 'memremap_pages', args: { type: 'PRIVATE', owner: 'dev0', npages: 1 } },
    { op: 'mmap', args: { proc: 'p0', npages: 1, kind: 'shmem', shared: false, prot: 'read' } },
    { op: 'cpu_read', args: { proc: 'p0', vpn: 0 } },
    { op: 'migrate_to_device', args: { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' } },
  ];

  it('by default a page-cache page never moves into device memory (-ENOENT, it stays)', () => {
    const k = kernelFor('upstream');
    for (const s of filePage.slice(0, -1)) k.apply(s);
    expect(run(k, 'migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' })).toEqual({ errno: 'ENOENT' });
    expect(k.abstract().procs.p0?.ptes[0]?.kind).toBe('present');
    expect(firstFailure({}, filePage)).toBeUndefined();
  });

  it('letting it move (file-backed device-private memory) leaves the specification behind', () => {
    const k = kernelFor('upstream', { migrate_device_pages: () => true });
    for (const s of filePage) k.apply(s);
    expect(k.abstract().procs.p0?.ptes[0]?.kind).toBe('device-private');
    expect(firstFailure({ migrate_device_pages: () => true }, filePage)).toEqual({ step: 3, kind: 'refinement' });
  });
});

describe('remove_migration_pte', () => {
  const readOnlyMigrated = (k: ReturnType<typeof kernelFor>) => {
    run(k, 'memremap_pages', { type: 'PRIVATE', owner: 'dev0', npages: 1 });
    run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 2 });
    run(k, 'mprotect', { proc: 'p0', vpn: 0, npages: 1, prot: 'read' });
    run(k, 'migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' });
    return k.abstract().procs.p0?.ptes[0];
  };

  it('by default keeps the migration entry write bit; a proposal can make the new entry writable', () => {
    expect(readOnlyMigrated(kernelFor('upstream'))).toMatchObject({ kind: 'device-private', write: false });
    expect(readOnlyMigrated(kernelFor('upstream', { remove_migration_pte: () => true }))).toMatchObject({ kind: 'device-private', write: true });
  });
});

describe('hmm_is_device_private_entry', () => {
  const readByOtherDevice = (k: ReturnType<typeof kernelFor>) => {
    migrateOnePage(k, 'PRIVATE', 8);
    return { read: run(k, 'device_read', { proc: 'p0', vpn: 0, npages: 1, owner: 'dev1' }), pte: k.abstract().procs.p0?.ptes[0] };
  };

  it("by default another device's private entry is faulted back to RAM first", () => {
    const r = readByOtherDevice(kernelFor('upstream'));
    expect(r.read).toMatchObject({ data: [8] });
    expect(r.pte?.kind).toBe('present');
  });

  it('using it in place lets dev1 read dev0 memory without a fault', () => {
    const r = readByOtherDevice(kernelFor('upstream', { hmm_is_device_private_entry: () => true }));
    expect(r.read).toMatchObject({ data: [8] });
    expect(r.pte?.kind).toBe('device-private');
  });
});

describe('migrate_longterm_unpinnable_folios', () => {
  const pinLongterm = (k: ReturnType<typeof kernelFor>) => {
    migrateOnePage(k, 'COHERENT', 6);
    run(k, 'pin_user_pages', { proc: 'p0', vpn: 0, write: true, longterm: true, fast: false });
    return k.abstract().pins.pin0;
  };

  it('by default pins the system copy the PTE now maps', () => {
    expect(pinLongterm(kernelFor('upstream'))?.pfn).toBe(1);
  });

  it("pinning the destination without a walk is, run atomically, the copy the PTE maps (the race is the thread's)", () => {
    const k = kernelFor('upstream', { migrate_longterm_unpinnable_folios: () => 'destination' });
    const copy = kernelFor('upstream');
    expect(pinLongterm(k)?.pfn).toBe(1);
    pinLongterm(copy);
    expect(k.abstract()).toEqual(copy.abstract());
  });

  it('pinning the original keeps a pin on the freed device page', () => {
    const k = kernelFor('upstream', { migrate_longterm_unpinnable_folios: () => 'original' });
    expect(pinLongterm(k)?.pfn).toBe(pgmapStart(0));
    expect(k.abstract().frames[pgmapStart(0)]?.inUse).toBe(false);
    expect(invariantById('no-use-after-free').check(k.view()).length).toBeGreaterThan(0);
  });
});

describe('put_ref_page at do_swap_page (16ce101db85d)', () => {
  it('skipped, the faulted device page is never freed', () => {
    const leak = kernelFor('upstream', { put_ref_page: (_f, ctx) => ctx.site !== 'do_swap_page' });
    migrateOnePage(leak, 'PRIVATE', 3);
    expect(run(leak, 'cpu_read', { proc: 'p0', vpn: 0 })).toEqual({ value: 3 });
    expect(leak.abstract().frames[pgmapStart(0)]?.inUse).toBe(true);
    expect(counters(leak, pgmapStart(0)).refcount).toBe(1);
    const ok = kernelFor('upstream');
    migrateOnePage(ok, 'PRIVATE', 3);
    run(ok, 'cpu_read', { proc: 'p0', vpn: 0 });
    expect(ok.abstract().frames[pgmapStart(0)]?.inUse).toBe(false);
  });
});

describe('put_ref_page at gup_fast_pte_range', () => {
  it('a FOLL_LONGTERM fast pin backs out of its speculative reference; kept, the coherent page can no longer move', () => {
    const pin = (k: ReturnType<typeof kernelFor>) => {
      migrateOnePage(k, 'COHERENT', 1);
      return run(k, 'pin_user_pages', { proc: 'p0', vpn: 0, write: false, longterm: true, fast: true });
    };
    expect(pin(kernelFor('upstream'))).toEqual({ pin: 'pin0' });
    expect(pin(kernelFor('upstream', { put_ref_page: (_f, ctx) => ctx.site !== 'gup_fast_pte_range' }))).toEqual({ errno: 'EBUSY' });
  });
});
