// The collector on a hand-written trace under upstream: every count exact —
// op × memory type × outcome, PTE-kind transitions, a hook's decisions,
// invariant applicability — plus skips from the checker's counters and the
// merge of two jobs.
import { describe, expect, it } from 'vitest';
import { resolveBuiltin } from '../../../models/proposals/resolve-proposal.ts';
import type { Step } from '../../../models/ops.ts';
import { emptyStats } from '../../check/stats.ts';
import { createPair } from '../../runner/create-pair.ts';
import { createSemanticCollector } from './collector.ts';
import { classCoverage, jobSemantic, mergeJobs } from './merge.ts';

const STEPS: readonly Step[] = [
  { op: 'mmap', args: { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' } },
  // Faults in a system page: the PTE was none before the step.
  { op: 'cpu_write', args: { proc: 'p0', vpn: 0, value: 5 } },
  { op: 'cpu_read', args: { proc: 'p0', vpn: 0 } },
  // Maps the zero page (read-only) at vpn 1.
  { op: 'cpu_read', args: { proc: 'p0', vpn: 1 } },
  { op: 'memremap_pages', args: { type: 'PRIVATE', owner: 'dmirror0', npages: 1 } },
  { op: 'migrate_to_device', args: { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' } },
  // A CPU touch of the device-private entry migrates the page back to RAM.
  { op: 'cpu_read', args: { proc: 'p0', vpn: 0 } },
  { op: 'munmap', args: { proc: 'p0', vpn: 0, npages: 2 } },
  { op: 'memunmap_pages', args: { pgmap: 'pgmap0' } },
  { op: 'get_user_pages', args: { proc: 'p0', vpn: 0, write: false, fast: false } },
];

function collect() {
  const collector = createSemanticCollector();
  const pair = collector.createPair(createPair, resolveBuiltin('upstream'), {});
  const results = STEPS.map((s) => pair.step(s).kernel?.result);
  return { collector, results };
}

describe('semantic coverage: the collector', () => {
  it('counts each step as op × memory type × outcome, and every PTE transition', () => {
    const { collector, results } = collect();
    expect(results).toEqual([{ vpn: 0 }, {}, { value: 5 }, { value: 0 }, { pgmap: 'pgmap0' }, { cpages: 1, data: [5] }, { value: 5 }, {}, {}, { errno: 'EFAULT' }]);
    const c = collector.counts;
    expect(c.steps).toBe(10);
    expect(c.ops).toEqual({
      mmap: { none: { success: 1 } },
      cpu_write: { none: { success: 1 } },
      cpu_read: { SYSTEM: { success: 1 }, none: { success: 1 }, PRIVATE: { success: 1 } },
      memremap_pages: { PRIVATE: { success: 1 } },
      migrate_to_device: { PRIVATE: { success: 1 } },
      munmap: { SYSTEM: { success: 1 } },
      memunmap_pages: { PRIVATE: { success: 1 } },
      get_user_pages: { none: { EFAULT: 1 } },
    });
    expect(c.pte).toEqual({
      none: { present: 2 },
      present: { 'device-private': 1, none: 2 },
      'device-private': { present: 1 },
    });
  });

  it('counts hook decisions and where each invariant applied', () => {
    const { collector } = collect();
    const c = collector.counts;
    expect(c.hooks.memunmap_pages).toEqual({ true: 1 });
    expect(c.hooks.get_mctgt_type).toEqual({});
    expect(c.invariants['refcount-expected']).toEqual({ evaluated: 10, applicable: 10 });
    // From memremap_pages on, a pgmap exists (live, then removed).
    expect(c.invariants['pgmap-ref-balanced']).toEqual({ evaluated: 10, applicable: 6 });
    // Only after migrate_to_device does a device-private entry exist.
    expect(c.invariants['private-not-cpu-mapped']).toEqual({ evaluated: 10, applicable: 1 });
    // The one GUP call failed with -EFAULT: nothing handed out, nothing refused for P2PDMA.
    expect(c.invariants['gup-contract']).toEqual({ evaluated: 10, applicable: 0 });
    expect(c.invariants['memory-failure-contract']).toEqual({ evaluated: 10, applicable: 0 });
    // The migration to the device and back.
    expect(c.invariants['pinned-not-migrated']).toEqual({ evaluated: 10, applicable: 2 });
  });

  it('adds the commands drawn and skipped, and merges jobs', () => {
    const { collector } = collect();
    const stats = emptyStats();
    stats.snapshot.skipped = 2;
    stats.fork.substituted = 1;
    const job = jobSemantic('upstream', resolveBuiltin('upstream').era, undefined, ['refcount-expected', 'memcg-target'], stats, collector);
    expect(collector.counts.ops.snapshot).toEqual({ none: { skipped: 2 } });
    expect(collector.counts.ops.fork).toEqual({ none: { skipped: 1 } });
    // Upstream has no charge moving: memcg-target cannot apply there, so it is not asked for.
    expect(job.scope.invariants).toEqual(['refcount-expected']);
    expect(job.scope.hooks).not.toContain('get_mctgt_type');
    const merged = mergeJobs([job, job]);
    expect(merged.total.steps).toBe(20);
    expect(merged.total.ops.cpu_read).toEqual({ SYSTEM: { success: 2 }, none: { success: 2 }, PRIVATE: { success: 2 } });
    expect(merged.columns).toEqual(['SYSTEM', 'PRIVATE', 'COHERENT', 'FS_DAX', 'GENERIC', 'PCI_P2PDMA', 'none']);
    const ops = classCoverage(merged, 'ops');
    expect(ops.missing).not.toContain('cpu_read');
    expect(ops.missing).toContain('get_user_pages');
    expect(classCoverage(merged, 'op-types').missing).toContain('cpu_read × COHERENT');
    expect(classCoverage(merged, 'pte-transitions').missing).toEqual(['→device-exclusive', 'device-exclusive→', '→hwpoison', 'hwpoison→']);
  });

  it('counts a thread paused at an interleaving point and resumed from it (the interleavings class)', () => {
    const collector = createSemanticCollector();
    const pair = collector.createPair(createPair, resolveBuiltin('upstream'), {});
    const fault: Step = { op: 'cpu_read', args: { proc: 'p0', vpn: 0 } };
    for (const s of STEPS.slice(0, 6)) pair.step(s);
    pair.step({ ...fault, thread: { id: 't1', kind: 'start' } });
    const job = () => jobSemantic('upstream', resolveBuiltin('upstream').era, undefined, ['refcount-expected'], emptyStats(), collector);
    expect(job().scope.interleavings).toEqual([
      'do_swap_page: pte_unmap_unlock',
      'migrate_vma_collect_pmd: pte_unmap_unlock',
      'migrate_vma_setup: migrate_device_unmap',
      'migrate_device_finalize: folio_putback_lru',
      'memory_failure: get_dev_pagemap',
      'gup_fast_pte_range: ptep_get_lockless',
      'memunmap_pages: wait_for_completion',
      'free_zone_device_folio: page_free',
      '__gup_longterm_locked: migrate_longterm_unpinnable_folios',
      'copy_present_ptes: folio_try_dup_anon_rmap_pte',
    ]);
    // Paused, not yet resumed: the point is not reached.
    expect(collector.counts.interleavings).toEqual({ 'do_swap_page: pte_unmap_unlock': { paused: 1 } });
    expect(classCoverage(mergeJobs([job()]), 'interleavings').missing).toEqual([
      'do_swap_page: pte_unmap_unlock',
      'migrate_vma_collect_pmd: pte_unmap_unlock',
      'migrate_vma_setup: migrate_device_unmap',
      'migrate_device_finalize: folio_putback_lru',
      'memory_failure: get_dev_pagemap',
      'gup_fast_pte_range: ptep_get_lockless',
      'memunmap_pages: wait_for_completion',
      'free_zone_device_folio: page_free',
      '__gup_longterm_locked: migrate_longterm_unpinnable_folios',
      'copy_present_ptes: folio_try_dup_anon_rmap_pte',
    ]);
    pair.step({ op: 'migrate_to_ram', args: { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' } });
    expect(pair.step({ ...fault, thread: { id: 't1', kind: 'resume' } }).kernel?.result).toEqual({ value: 5 });
    expect(collector.counts.interleavings).toEqual({ 'do_swap_page: pte_unmap_unlock': { paused: 1, resumed: 1 } });
    expect(classCoverage(mergeJobs([job()]), 'interleavings').missing).toEqual([
      'migrate_vma_collect_pmd: pte_unmap_unlock',
      'migrate_vma_setup: migrate_device_unmap',
      'migrate_device_finalize: folio_putback_lru',
      'memory_failure: get_dev_pagemap',
      'gup_fast_pte_range: ptep_get_lockless',
      'memunmap_pages: wait_for_completion',
      'free_zone_device_folio: page_free',
      '__gup_longterm_locked: migrate_longterm_unpinnable_folios',
      'copy_present_ptes: folio_try_dup_anon_rmap_pte',
    ]);
    // The resume counts as the cpu_read it completes; the start that paused is no finished step.
    expect(collector.counts.ops.cpu_read).toEqual({ SYSTEM: { success: 1 }, none: { success: 1 }, PRIVATE: { success: 1 } });
  });
});
