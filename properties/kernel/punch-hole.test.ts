// fallocate(PUNCH_HOLE) in the kernel model (models/kernel/fallocate.ts,
// dax-break-layout.ts, wake-up-var.ts): a busy DAX page puts the task to
// sleep, the page's free path wakes it — and a free path that does not
// (BUG-01) leaves it asleep on an idle page. Also the page-cache path.
import { describe, expect, it } from 'vitest';
import type { EraName } from '../../models/eras/era.ts';
import { pgmapStart } from '../../models/limits.ts';
import type { KernelInstance } from '../../models/model.ts';
import type { Hooks } from '../../models/kernel/hooks.ts';
import { kernelFor, run } from './run-steps.ts';

/** An FS_DAX page written at p0 vpn 0 (value 5) and pinned (pin0), then a hole punched over it: the task sleeps. */
function punchWhilePinned(era: EraName, hooks: Partial<Hooks> = {}): KernelInstance {
  const k = kernelFor(era, hooks);
  run(k, 'memremap_pages', { type: 'FS_DAX', owner: 'pmem0', npages: 1 });
  run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'dax', shared: true, prot: 'write', pgmap: 'pgmap0' });
  run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 5 });
  run(k, 'pin_user_pages', { proc: 'p0', vpn: 0, write: true, longterm: false, fast: false });
  expect(run(k, 'fallocate_punch_hole', { file: 'f0', index: 0, npages: 1 })).toEqual({ waiting: pgmapStart(0) });
  return k;
}

describe('fallocate_punch_hole on FS_DAX', () => {
  it.each<EraName>(['v5.x', 'v6.1', 'upstream'])('%s: waits on the pinned page; the unpin wakes it and the hole is punched', (era) => {
    const k = punchWhilePinned(era);
    expect(k.abstract().files.f0?.punchHole).toEqual({ index: 0, npages: 1, waitOn: pgmapStart(0) });
    run(k, 'unpin_user_page', { pin: 'pin0' });
    const s = k.abstract();
    expect(s.files.f0?.punchHole).toBeUndefined();
    expect(s.files.f0?.written).toEqual({});
    expect(s.frames[pgmapStart(0)]?.data).toBe(0);
  });

  it('dax_layout_busy_page → false: nothing waits, the pinned page is punched under the DMA', () => {
    const k = kernelFor('upstream', { dax_layout_busy_page: () => false });
    run(k, 'memremap_pages', { type: 'FS_DAX', owner: 'pmem0', npages: 1 });
    run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'dax', shared: true, prot: 'write', pgmap: 'pgmap0' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 5 });
    run(k, 'pin_user_pages', { proc: 'p0', vpn: 0, write: true, longterm: false, fast: false });
    expect(run(k, 'fallocate_punch_hole', { file: 'f0', index: 0, npages: 1 })).toEqual({ waiting: null });
    expect(k.abstract().pins.pin0).toMatchObject({ pfn: pgmapStart(0) });
  });

  it('BUG-01: a put path that skips the devmap hook never wakes the task, which sleeps on an idle page', () => {
    const k = punchWhilePinned('v5.x', { page_is_devmap_managed: (f) => f.zone === 'DEVICE' && f.memoryType !== 'FS_DAX' });
    run(k, 'unpin_user_page', { pin: 'pin0' });
    const s = k.abstract();
    expect(s.files.f0?.punchHole).toEqual({ index: 0, npages: 1, waitOn: pgmapStart(0) });
    expect(s.pins).toEqual({});
    expect(k.view().counters[pgmapStart(0)]?.refcount).toBe(1);
  });

  it('a free path without the wake-up leaves the task asleep on a free page', () => {
    const k = punchWhilePinned('upstream', { free_zone_device_folio: () => ({ action: 'driver-free', at: 0 }) });
    run(k, 'unpin_user_page', { pin: 'pin0' });
    const s = k.abstract();
    expect(s.frames[pgmapStart(0)]?.inUse).toBe(false);
    expect(s.files.f0?.punchHole?.waitOn).toBe(pgmapStart(0));
  });

  it('device-dax has no ->fallocate: EOPNOTSUPP', () => {
    const k = kernelFor('upstream');
    run(k, 'memremap_pages', { type: 'GENERIC', owner: 'dax0', npages: 1 });
    expect(run(k, 'fallocate_punch_hole', { file: 'f0', index: 0, npages: 1 })).toEqual({ errno: 'EOPNOTSUPP' });
  });
});

describe('fallocate_punch_hole on the page cache', () => {
  it('unmaps the range, drops it from the page cache, and it reads 0; a pinned page stays allocated outside the cache', () => {
    const k = kernelFor('upstream');
    run(k, 'mmap', { proc: 'p0', npages: 2, kind: 'file', shared: true, prot: 'write' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 1 });
    run(k, 'cpu_write', { proc: 'p0', vpn: 1, value: 2 });
    run(k, 'fsync', { file: 'f0' });
    run(k, 'pin_user_pages', { proc: 'p0', vpn: 0, write: false, longterm: false, fast: false });
    expect(run(k, 'fallocate_punch_hole', { file: 'f0', index: 0, npages: 1 })).toEqual({ waiting: null });
    const s = k.abstract();
    expect(s.files.f0).toMatchObject({ pages: { 1: 2 }, stored: { 1: 2 }, written: { 1: 2 } });
    expect(s.frames[1]).toMatchObject({ inUse: true, file: null });
    expect(s.procs.p0?.ptes[0]).toBeUndefined();
    expect(run(k, 'cpu_read', { proc: 'p0', vpn: 0 })).toEqual({ value: 0 });
    run(k, 'unpin_user_page', { pin: 'pin0' });
    expect(k.abstract().frames[1]).toMatchObject({ inUse: false, frees: 1 });
  });
});
