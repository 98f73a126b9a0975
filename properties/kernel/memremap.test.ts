import { describe, expect, it } from 'vitest';
import { MAX_NPAGES, pgmapBase, pgmapStart, SYSTEM_FRAMES, setSystemFramesForBench } from '../../models/limits.ts';
import { counters, kernelFor, run } from './run-steps.ts';

describe('kernel model: memremap_pages / memunmap_pages', () => {
  it('creates pgmapN with idle frames at the era count and a file for DAX types', () => {
    const k = kernelFor('upstream');
    expect(run(k, 'memremap_pages', { type: 'PRIVATE', owner: 'dev0', npages: 2 })).toEqual({ pgmap: 'pgmap0' });
    expect(run(k, 'memremap_pages', { type: 'FS_DAX', owner: 'pmem', npages: 3 })).toEqual({ pgmap: 'pgmap1' });
    const s = k.abstract();
    expect(s.pgmaps.pgmap0).toEqual({ type: 'PRIVATE', owner: 'dev0', start: pgmapStart(0), npages: 2, killed: false, removed: false, file: null });
    expect(s.pgmaps.pgmap1?.file).toBe('f0');
    expect(s.files.f0).toEqual({ kind: 'dax', npages: 3, pages: {}, written: {}, stored: {} });
    expect(s.frames[pgmapStart(0) + 1]).toMatchObject({ type: 'PRIVATE', pgmap: 'pgmap0', index: 1, inUse: false, allocs: 0 });
    expect(counters(k, pgmapStart(0)).refcount).toBe(0); // v6.1+: free device pages sit at 0
    // v6.1: PRIVATE takes pgmap refs per allocation; FS_DAX per pfn.
    expect(k.view().pgmapRefs).toEqual({ pgmap0: 1, pgmap1: 4 });
  });

  it('refuses types the era does not have and empty owners', () => {
    const k = kernelFor('v4.14');
    expect(run(k, 'memremap_pages', { type: 'COHERENT', owner: 'x', npages: 1 })).toEqual({ errno: 'EINVAL' });
    expect(run(k, 'memremap_pages', { type: 'PUBLIC', owner: '', npages: 1 })).toEqual({ errno: 'EINVAL' });
    expect(run(k, 'memremap_pages', { type: 'PUBLIC', owner: 'x', npages: 1 })).toEqual({ pgmap: 'pgmap0' });
    expect(counters(k, pgmapStart(0)).refcount).toBe(1); // 1-based idle count
  });

  it('memunmap_pages waits (EBUSY) while a page is in use, then completes after eviction', () => {
    const k = kernelFor('v6.1');
    run(k, 'memremap_pages', { type: 'PRIVATE', owner: 'dev0', npages: 2 });
    run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 5 });
    run(k, 'migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' });
    expect(k.view().pgmapRefs.pgmap0).toBe(2);
    expect(run(k, 'memunmap_pages', { pgmap: 'pgmap0' })).toEqual({ errno: 'EBUSY' });
    expect(k.abstract().pgmaps.pgmap0?.killed).toBe(true);
    expect(k.view().pgmapRefs.pgmap0).toBe(1);
    expect(run(k, 'migrate_device_range', { pgmap: 'pgmap0' })).toEqual({ cpages: 1 });
    expect(run(k, 'memunmap_pages', { pgmap: 'pgmap0' })).toEqual({});
    expect(k.view().pgmapRefs.pgmap0).toBe(0);
    expect(run(k, 'cpu_read', { proc: 'p0', vpn: 0 })).toEqual({ value: 5 });
    expect(run(k, 'memunmap_pages', { pgmap: 'pgmap0' })).toEqual({ errno: 'EINVAL' });
  });
});

describe('the pfn layout (models/limits.ts)', () => {
  it('puts pgmapN at 256 × (N + 1) above 48 system frames, and above a larger machine at the next power of two', () => {
    expect(SYSTEM_FRAMES).toBe(48);
    expect([0, 1, 2].map(pgmapStart)).toEqual([256, 512, 768]);
    try {
      for (const frames of [255, 256, 768]) {
        setSystemFramesForBench(frames);
        // System RAM is pfns 1..frames; each pgmap's MAX_NPAGES stay clear of the next one.
        expect(pgmapBase()).toBeGreaterThan(frames);
        expect(pgmapBase()).toBeGreaterThanOrEqual(MAX_NPAGES);
        expect(pgmapStart(1) - pgmapStart(0)).toBe(pgmapBase());
      }
      expect(pgmapBase()).toBe(1024);
      // The kernel model finds a device frame's struct page under that layout.
      const k = kernelFor('upstream');
      run(k, 'memremap_pages', { type: 'PRIVATE', owner: 'dev0', npages: 2 });
      expect(k.abstract().frames[1025]).toMatchObject({ type: 'PRIVATE', pgmap: 'pgmap0', index: 1 });
      expect(counters(k, 1025).refcount).toBe(0);
    } finally {
      setSystemFramesForBench(48);
    }
  });
});
