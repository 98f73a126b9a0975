import { describe, expect, it } from 'vitest';
import type { EraName } from '../../models/eras/era.ts';
import { pgmapStart } from '../../models/limits.ts';
import { GUP_PIN_COUNTING_BIAS } from '../../models/vocabulary.ts';
import { counters, kernelFor, run, migrateOnePage } from './run-steps.ts';
import type { Hooks } from '../../models/kernel/hooks.ts';

const DEV = pgmapStart(0);

function coherentPage(era: EraName, overrides: Partial<Hooks> = {}) {
  const k = kernelFor(era, overrides);
  run(k, 'memremap_pages', { type: 'COHERENT', owner: 'dev0', npages: 2 });
  run(k, 'mmap', { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' });
  run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 3 });
  run(k, 'migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' });
  return k;
}

describe('kernel model: GUP', () => {
  it('a pin adds GUP_PIN_COUNTING_BIAS and counts in pincount; unpin undoes it', () => {
    const k = kernelFor('upstream');
    run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
    expect(run(k, 'pin_user_pages', { proc: 'p0', vpn: 0, write: true, longterm: false, fast: true })).toEqual({ pin: 'pin0' });
    expect(counters(k, 1)).toEqual({ refcount: 1 + GUP_PIN_COUNTING_BIAS, mapcount: 1, pincount: 1, lru: true });
    expect(k.abstract().pins).toEqual({ pin0: { pfn: 1, proc: 'p0', longterm: false, write: true } });
    expect(run(k, 'unpin_user_page', { pin: 'pin0' })).toEqual({});
    expect(counters(k, 1).refcount).toBe(1);
    expect(run(k, 'unpin_user_page', { pin: 'pin0' })).toEqual({ errno: 'EINVAL' });
  });

  it('the zero page is pinned without a reference', () => {
    const k = kernelFor('upstream');
    run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'read' });
    expect(run(k, 'pin_user_pages', { proc: 'p0', vpn: 0, write: false, longterm: true, fast: false })).toEqual({ pin: 'pin0' });
    expect(counters(k, 0)).toMatchObject({ refcount: 0, pincount: 0 });
    expect(k.abstract().pins.pin0?.pfn).toBe(0);
  });

  it('a freed last reference frees the frame (put_page after munmap)', () => {
    const k = kernelFor('v6.1');
    run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
    run(k, 'get_user_pages', { proc: 'p0', vpn: 0, write: true, fast: false });
    run(k, 'munmap', { proc: 'p0', vpn: 0, npages: 1 });
    expect(k.abstract().frames[1]).toMatchObject({ inUse: true, frees: 0 });
    expect(run(k, 'put_page', { ref: 'ref0' })).toEqual({});
    expect(k.abstract().frames[1]).toMatchObject({ inUse: false, frees: 1, memcg: null });
    expect(k.view().memcgUsage).toEqual({ m0: 0 });
  });

  it('FOLL_LONGTERM migrates a coherent page to system RAM and pins the copy (v6.0+ kernel)', () => {
    const k = coherentPage('upstream');
    const r = k.apply({ op: 'pin_user_pages', args: { proc: 'p0', vpn: 0, write: true, longterm: true, fast: false } });
    expect(r.result).toEqual({ pin: 'pin0' });
    expect(r.events).toEqual([{ ev: 'migrate', from: DEV, to: 1 }]);
    expect(k.abstract().pins.pin0).toEqual({ pfn: 1, proc: 'p0', longterm: true, write: true });
    expect(k.abstract().frames[DEV]).toMatchObject({ inUse: false, frees: 1 });
    expect(counters(k, 1)).toEqual({ refcount: 1 + GUP_PIN_COUNTING_BIAS, mapcount: 1, pincount: 1, lru: true });
  });

  it('FOLL_LONGTERM on a coherent page with another reference fails EBUSY; only the refused destination was allocated and put back', () => {
    const k = coherentPage('v6.1');
    run(k, 'get_user_pages', { proc: 'p0', vpn: 0, write: false, fast: false });
    const before = k.abstract();
    const r = k.apply({ op: 'pin_user_pages', args: { proc: 'p0', vpn: 0, write: false, longterm: true, fast: false } });
    expect(r.result).toEqual({ errno: 'EBUSY' });
    // migrate_vma_check_page's extra++ lets it through; folio_alloc, then
    // folio_migrate_mapping wants the exact count and refuses it.
    expect(r.events).toEqual([{ ev: 'migrate-skip', pfn: DEV, reason: 'refs' }]);
    const dst = before.frames[1]!;
    expect(k.abstract()).toEqual({ ...before, frames: { ...before.frames, 1: { ...dst, allocs: dst.allocs + 1, frees: dst.frees + 1 } } });
    expect(counters(k, DEV)).toEqual({ refcount: 2, mapcount: 1, pincount: 0, lru: false });
  });

  it('hook override: folio_is_longterm_pinnable → true pins a coherent page in place', () => {
    const k = coherentPage('upstream', { folio_is_longterm_pinnable: () => true });
    const r = k.apply({ op: 'pin_user_pages', args: { proc: 'p0', vpn: 0, write: true, longterm: true, fast: false } });
    expect(r.result).toEqual({ pin: 'pin0' });
    expect(r.events).toEqual([]);
    expect(k.abstract().pins.pin0?.pfn).toBe(DEV);
    expect(counters(k, DEV)).toEqual({ refcount: 1 + GUP_PIN_COUNTING_BIAS, mapcount: 1, pincount: 1, lru: false });
  });

  it('hook override: gup_longterm_unpinnable fail returns its errno', () => {
    const k = coherentPage('v6.0', { gup_longterm_unpinnable: () => ({ action: 'fail', errno: 'EFAULT' }) });
    expect(run(k, 'pin_user_pages', { proc: 'p0', vpn: 0, write: true, longterm: true, fast: true })).toEqual({ errno: 'EFAULT' });
    expect(counters(k, DEV).pincount).toBe(0);
  });

  it('v4.14 has no FOLL_LONGTERM: a PUBLIC page is pinned in place, recorded longterm', () => {
    const k = kernelFor('v4.14');
    migrateOnePage(k, 'PUBLIC', 1);
    expect(k.abstract().procs.p0?.ptes[0]).toEqual({ kind: 'present-devmap', pfn: DEV, write: true });
    expect(run(k, 'pin_user_pages', { proc: 'p0', vpn: 0, write: false, longterm: true, fast: false })).toEqual({ pin: 'pin0' });
    // extra-ref era: base 1 + one mapping + one pin.
    expect(counters(k, DEV).refcount).toBe(2 + GUP_PIN_COUNTING_BIAS);
  });

  it('P2PDMA frames give EREMOTEIO; FS_DAX VMAs refuse FOLL_LONGTERM', () => {
    const k = kernelFor('upstream');
    run(k, 'memremap_pages', { type: 'PCI_P2PDMA', owner: 'nvme', npages: 2 });
    run(k, 'memremap_pages', { type: 'FS_DAX', owner: 'pmem', npages: 2 });
    run(k, 'mmap', { proc: 'p0', npages: 2, kind: 'dax', shared: true, prot: 'write', pgmap: 'pgmap0' });
    run(k, 'mmap', { proc: 'p0', npages: 2, kind: 'dax', shared: true, prot: 'write', pgmap: 'pgmap1' });
    expect(run(k, 'get_user_pages', { proc: 'p0', vpn: 0, write: false, fast: true })).toEqual({ errno: 'EREMOTEIO' });
    expect(run(k, 'pin_user_pages', { proc: 'p0', vpn: 2, write: false, longterm: true, fast: false })).toEqual({ errno: 'EOPNOTSUPP' });
    expect(run(k, 'pin_user_pages', { proc: 'p0', vpn: 2, write: false, longterm: false, fast: false })).toEqual({ pin: 'pin0' });
    // upstream FS_DAX: refcounted mappings, idle at 0.
    expect(counters(k, pgmapStart(1))).toEqual({ refcount: 1 + GUP_PIN_COUNTING_BIAS, mapcount: 1, pincount: 1, lru: false });
  });

  it('devmap-era FS_DAX: mappings take no reference; the idle wake-up runs when the GUP reference goes', () => {
    const k = kernelFor('v5.x');
    run(k, 'memremap_pages', { type: 'FS_DAX', owner: 'pmem', npages: 1 });
    run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'dax', shared: true, prot: 'write', pgmap: 'pgmap0' });
    expect(run(k, 'cpu_read', { proc: 'p0', vpn: 0 })).toEqual({ value: 0 });
    expect(counters(k, DEV)).toEqual({ refcount: 1, mapcount: 1, pincount: 0, lru: false });
    expect(k.abstract().frames[DEV]?.inUse).toBe(false);
    run(k, 'get_user_pages', { proc: 'p0', vpn: 0, write: false, fast: false });
    expect(k.abstract().frames[DEV]).toMatchObject({ inUse: true, allocs: 1 });
    expect(counters(k, DEV).refcount).toBe(2);
    run(k, 'put_page', { ref: 'ref0' });
    expect(k.abstract().frames[DEV]).toMatchObject({ inUse: false, frees: 1 });
    expect(counters(k, DEV).refcount).toBe(1);
  });
});
