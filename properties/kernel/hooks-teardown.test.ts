// The pgmap lifetime hooks (mm/memremap.c): memunmap_pages, get_dev_pagemap
// and pgmap_pfn_valid — changing one changes what the kernel model does.
import { describe, expect, it } from 'vitest';
import type { Step } from '../../models/ops.ts';
import { pgmapStart } from '../../models/limits.ts';
import { firstFailure } from './run-under.ts';
import { kernelFor, run } from './run-steps.ts';

/** A coherent page of pgmap0 mapped at p0 vpn 0, then memunmap_pages (EBUSY: the page is in use). */
const mappedThenUnmap: Step[] = [
  { op: 'memremap_pages', args: { type: 'COHERENT', owner: 'dev0', npages: 1 } },
  { op: 'mmap', args: { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' } },
  { op: 'cpu_write', args: { proc: 'p0', vpn: 0, value: 7 } },
  { op: 'migrate_to_device', args: { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' } },
  { op: 'memunmap_pages', args: { pgmap: 'pgmap0' } },
];

describe('memunmap_pages', () => {
  it('by default refuses (EBUSY) while a page is in use or mapped', () => {
    const k = kernelFor('upstream');
    for (const s of mappedThenUnmap.slice(0, -1)) k.apply(s);
    expect(run(k, 'memunmap_pages', { pgmap: 'pgmap0' })).toEqual({ errno: 'EBUSY' });
    expect(firstFailure({}, mappedThenUnmap)).toBeUndefined();
  });

  it('a proposal that lets it complete anyway removes a range still mapped: the specification refuses', () => {
    const k = kernelFor('upstream', { memunmap_pages: () => true });
    for (const s of mappedThenUnmap.slice(0, -1)) k.apply(s);
    expect(run(k, 'memunmap_pages', { pgmap: 'pgmap0' })).toEqual({});
    expect(k.abstract().pgmaps.pgmap0?.removed).toBe(true);
    expect(firstFailure({ memunmap_pages: () => true }, mappedThenUnmap)).toEqual({ step: 4, kind: 'refinement' });
  });
});

describe('get_dev_pagemap', () => {
  const failOnKilled: Step[] = [...mappedThenUnmap, { op: 'memory_failure', args: { pgmap: 'pgmap0', index: 0, countIncreased: false } }];

  it('by default hands out nothing once the pgmap is killed: memory_failure is ENXIO', () => {
    const k = kernelFor('upstream');
    for (const s of mappedThenUnmap) k.apply(s);
    expect(run(k, 'memory_failure', { pgmap: 'pgmap0', index: 0, countIncreased: false })).toEqual({ errno: 'ENXIO' });
  });

  it('returning a killed pgmap sends memory_failure on into memory_failure_dev_pagemap', () => {
    const k = kernelFor('upstream', { get_dev_pagemap: () => true });
    for (const s of mappedThenUnmap) k.apply(s);
    expect(run(k, 'memory_failure', { pgmap: 'pgmap0', index: 0, countIncreased: false })).toEqual({ errno: 'EBUSY' });
    expect(firstFailure({ get_dev_pagemap: () => true }, failOnKilled)).toEqual({ step: 5, kind: 'refinement' });
  });

  it('returning a killed FS_DAX pgmap lets a dax fault map its page instead of SIGBUS', () => {
    const setup = (k: ReturnType<typeof kernelFor>) => {
      run(k, 'memremap_pages', { type: 'FS_DAX', owner: 'pmem0', npages: 1 });
      run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'dax', shared: true, prot: 'write', pgmap: 'pgmap0' });
      run(k, 'memunmap_pages', { pgmap: 'pgmap0' });
      return run(k, 'cpu_read', { proc: 'p0', vpn: 0 });
    };
    expect(setup(kernelFor('upstream'))).toEqual({ signal: 'SIGBUS' });
    expect(setup(kernelFor('upstream', { get_dev_pagemap: () => true }))).toEqual({ value: 0 });
  });
});

describe('pgmap_pfn_valid', () => {
  const reserved: Step[] = [
    { op: 'memremap_pages', args: { type: 'COHERENT', owner: 'dev0', npages: 2, reserved: 1 } },
    { op: 'memory_failure', args: { pgmap: 'pgmap0', index: 0, countIncreased: false } },
  ];

  it('by default a reserved (altmap) pfn is not valid: memory_failure is ENXIO, a usable one is refused as device memory', () => {
    const k = kernelFor('upstream');
    run(k, 'memremap_pages', { type: 'COHERENT', owner: 'dev0', npages: 2, reserved: 1 });
    expect(run(k, 'memory_failure', { pgmap: 'pgmap0', index: 0, countIncreased: false })).toEqual({ errno: 'ENXIO' });
    expect(run(k, 'memory_failure', { pgmap: 'pgmap0', index: 1, countIncreased: false })).toEqual({ errno: 'EBUSY' });
    expect(firstFailure({}, reserved)).toBeUndefined();
  });

  it('calling every pfn valid lets memory_failure judge the driver-reserved metadata page', () => {
    expect(firstFailure({ pgmap_pfn_valid: () => true }, reserved)).toEqual({ step: 1, kind: 'refinement' });
  });

  it('the driver never hands out a reserved pfn', () => {
    const k = kernelFor('upstream');
    run(k, 'memremap_pages', { type: 'PRIVATE', owner: 'dev0', npages: 2, reserved: 1 });
    run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 3 });
    run(k, 'migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' });
    expect(k.abstract().procs.p0?.ptes[0]).toMatchObject({ kind: 'device-private', pfn: pgmapStart(0) + 1 });
  });
});
