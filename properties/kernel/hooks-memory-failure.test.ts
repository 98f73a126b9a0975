// memory_failure's hooks (mm/memory-failure.c): what mf_generic_kill_procs
// unmaps and whom it kills, and the MF_COUNT_INCREASED reference it must
// drop on every path (put_ref_page, BUG-28).
import { describe, expect, it } from 'vitest';
import { invariantById } from '../../models/invariants/all.ts';
import { pgmapStart } from '../../models/limits.ts';
import type { KernelInstance } from '../../models/model.ts';
import { counters, kernelFor, migrateOnePage, run } from './run-steps.ts';

/** An FS_DAX page mapped (and written) by p0 at vpn 0, then poisoned through that mapping. */
function poisonMappedDax(k: KernelInstance) {
  run(k, 'memremap_pages', { type: 'FS_DAX', owner: 'pmem0', npages: 1 });
  run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'dax', shared: true, prot: 'write', pgmap: 'pgmap0' });
  run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 5 });
  const before = k.view();
  const result = k.apply({ op: 'memory_failure', args: { proc: 'p0', vpn: 0, countIncreased: false } });
  const contract = invariantById('memory-failure-contract').check(k.view(), before, {
    op: 'memory_failure',
    args: { proc: 'p0', vpn: 0, countIncreased: false },
    ...result,
  });
  return { result: result.result, contract, p0: k.abstract().procs.p0 };
}

describe('unmap_and_kill', () => {
  it('by default unmaps the poisoned page and sends its mapper SIGBUS', () => {
    const r = poisonMappedDax(kernelFor('upstream'));
    expect(r.result).toEqual({});
    expect(r.p0?.ptes[0]?.kind).toBe('hwpoison');
    expect(r.p0?.sigbus).toBe(1);
    expect(r.contract).toEqual([]);
  });

  it('a series that kills but does not unmap leaves the poison mapped', () => {
    const r = poisonMappedDax(kernelFor('upstream', { unmap_and_kill: () => ({ unmap: 'none', kill: 'mappers' }) }));
    expect(r.p0?.ptes[0]?.kind).toBe('present');
    expect(r.p0?.sigbus).toBe(1);
    expect(r.contract.map((v) => v.clause)).toContain('mappers-killed');
  });

  it('a series that unmaps but kills nobody leaves the mapper unsignalled', () => {
    const r = poisonMappedDax(kernelFor('upstream', { unmap_and_kill: () => ({ unmap: 'page', kill: 'none' }) }));
    expect(r.p0?.ptes[0]?.kind).toBe('hwpoison');
    expect(r.p0?.sigbus).toBe(0);
    expect(r.contract.map((v) => v.clause)).toContain('mappers-killed');
  });
});

describe("put_ref_page at memory_failure (the madvise caller's MF_COUNT_INCREASED reference)", () => {
  it('is real: memory_failure holds it until put_ref_page, and drops it on the refusing path', () => {
    const seen: number[] = [];
    const k = kernelFor('upstream', {
      put_ref_page: (folio, ctx) => {
        if (ctx.site === 'memory_failure') seen.push(folio.refcount);
        return true;
      },
    });
    migrateOnePage(k, 'COHERENT', 1);
    expect(run(k, 'memory_failure', { pgmap: 'pgmap0', index: 0, countIncreased: true })).toEqual({ errno: 'EBUSY' });
    expect(seen).toEqual([2]); // the mapping's reference and the caller's
    expect(counters(k, pgmapStart(0)).refcount).toBe(1);
  });

  it('skipped, it leaves a count above what the page users explain', () => {
    const k = kernelFor('upstream', { put_ref_page: (_f, ctx) => ctx.site !== 'memory_failure' });
    migrateOnePage(k, 'COHERENT', 1);
    run(k, 'memory_failure', { pgmap: 'pgmap0', index: 0, countIncreased: true });
    expect(counters(k, pgmapStart(0)).refcount).toBe(2);
    expect(invariantById('refcount-expected').check(k.view()).length).toBeGreaterThan(0);
  });

  it('is dropped on the ENXIO path too (a killed pgmap)', () => {
    const k = kernelFor('upstream');
    migrateOnePage(k, 'COHERENT', 1);
    run(k, 'memunmap_pages', { pgmap: 'pgmap0' });
    expect(run(k, 'memory_failure', { pgmap: 'pgmap0', index: 0, countIncreased: true })).toEqual({ errno: 'ENXIO' });
    expect(counters(k, pgmapStart(0)).refcount).toBe(1);
    expect(invariantById('refcount-expected').check(k.view())).toEqual([]);
  });
});
