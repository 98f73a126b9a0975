// The interleaving point in migrate_vma_collect_pmd: a driver migration
// started as a thread pauses past pte_unmap_unlock once it replaced a
// present PTE by a migration entry, before migrate_device_unmap. Only a
// madvise(MADV_DONTNEED) of its process (mmap_read_lock, then the PTL) and
// a load through a translation the migration has not flushed run
// meanwhile. Upstream and v6.1 flush under the PTL (acf4387e553e): the
// madvise zaps the migration entry and a read waits. The mutant flushes
// after the unlock, and a read after the madvise returned still reaches
// the old page through the stale TLB entry.
import { describe, expect, it } from 'vitest';
import flushTlb from '../../models/mutants/hook-flush-tlb-range.ts';
import type { Step } from '../../models/ops.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { createPair } from '../../src/runner/create-pair.ts';
import { atomicOrdersHold, resume, runPaused, start } from './fixtures/run-paused.ts';

const s = (op: string, args: object): Step => ({ op, args }) as Step;
const POINT = 'migrate_vma_collect_pmd: pte_unmap_unlock';

const WRITTEN = [
  s('memremap_pages', { type: 'PRIVATE', owner: 'dmirror0', npages: 2 }),
  s('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' }),
  s('cpu_write', { proc: 'p0', vpn: 0, value: 7 }),
];
const MIGRATE = s('migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' });
const DONTNEED = s('madvise_dontneed', { proc: 'p0', vpn: 0, npages: 1 });
const READ = s('cpu_read', { proc: 'p0', vpn: 0 });

describe("migrate_vma_collect_pmd's pte_unmap_unlock as an interleaving point", () => {
  for (const name of ['upstream', 'v6.1']) {
    it(`${name}: madvise(MADV_DONTNEED) zaps the migration entry, a read waits, and it holds`, () => {
      const r = runPaused(resolveBuiltin(name), WRITTEN, MIGRATE, [READ, DONTNEED, READ, s('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' })]);
      expect(r.paused).toBe(POINT);
      expect(r.later).toEqual(['migrate_device_finalize: folio_putback_lru']);
      expect(r.waited).toEqual(['cpu_read', 'cpu_read', 'mmap']);
      expect(r.ran).toEqual([{}]);
      // dmirror's own page table got the copy (dmirror_migrate_finalize_and_map); the CPU's entry is gone.
      expect(r.result).toEqual({ cpages: 1, data: [7] });
      expect(r.findings).toEqual([]);
      const v = r.pair.kernelView().state;
      expect(v.procs.p0?.ptes[0]).toBeUndefined();
      expect(Object.values(v.frames).filter((f) => f.pgmap !== null && f.inUse)).toEqual([]);
    });
  }

  it('upstream: a COHERENT page back to RAM is a present PTE too: it pauses there and holds', () => {
    const coherent = [
      s('memremap_pages', { type: 'COHERENT', owner: 'dmirror0', npages: 1 }),
      s('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' }),
      s('cpu_write', { proc: 'p0', vpn: 0, value: 3 }),
      MIGRATE,
    ];
    const r = runPaused(resolveBuiltin('upstream'), coherent, s('migrate_to_ram', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' }), [DONTNEED, READ]);
    expect(r.paused).toBe(POINT);
    expect(r.waited).toEqual(['cpu_read']);
    expect(r.result).toEqual({ cpages: 1 });
    expect(r.findings).toEqual([]);
  });

  it('upstream: no page collected, or none present, is no pause; other processes and operations wait', () => {
    expect(runPaused(resolveBuiltin('upstream'), WRITTEN.slice(0, 2), MIGRATE).paused).toBeUndefined();
    const pair = createPair(resolveBuiltin('upstream'));
    for (const step of [...WRITTEN, s('fork', { proc: 'p0' })]) pair.step(step);
    expect(pair.step(start(MIGRATE)).paused).toBe(POINT);
    for (const step of [
      s('madvise_dontneed', { proc: 'p1', vpn: 0, npages: 1 }),
      s('cpu_read', { proc: 'p1', vpn: 0 }),
      s('munmap', { proc: 'p0', vpn: 0, npages: 1 }),
      s('memunmap_pages', { pgmap: 'pgmap0' }),
    ]) {
      expect(pair.blockedBy(step), JSON.stringify(step)).toBe('t1');
    }
    expect(pair.blockedBy(DONTNEED)).toBeUndefined();
  });

  it('hook-flush-tlb-range: a read after madvise returned reaches the old page through the stale TLB: not linearizable', () => {
    const mutant = resolveProposal(flushTlb.proposal);
    const r = runPaused(mutant, WRITTEN, MIGRATE, [DONTNEED, READ]);
    expect(r.paused).toBe(POINT);
    expect(r.ran).toEqual([{}, { value: 7 }]);
    expect(r.findings).toEqual([expect.stringMatching(/^refinement: not linearizable: .*t0: cpu_read\(p0, vpn 0\) returned 7; the reference allows 0 there/)]);
    // A stale read while the migration entry stands is harmless: the copy is taken after the flush.
    expect(runPaused(mutant, WRITTEN, MIGRATE, [READ]).findings).toEqual([]);
    // Atomically the flush's place cannot matter.
    atomicOrdersHold(mutant, [
      [...WRITTEN, MIGRATE, DONTNEED, READ],
      [...WRITTEN, DONTNEED, MIGRATE, READ],
      [...WRITTEN, DONTNEED, READ, MIGRATE],
    ]);
  });

  it('upstream: a fault paused in do_swap_page whose entry madvise zapped retries onto a fresh page; its page stays held until then', () => {
    const pair = createPair(resolveBuiltin('upstream'));
    const second = [s('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' }), s('cpu_write', { proc: 'p0', vpn: 1, value: 8 })];
    for (const step of [...WRITTEN, ...second, MIGRATE]) expect(pair.step(step).invariants).toEqual([]);
    const held = pair.kernelView().state.procs.p0?.ptes[0]?.pfn;
    expect(pair.step(start(READ)).paused).toBe('do_swap_page: pte_unmap_unlock');
    expect(pair.step(DONTNEED).invariants).toEqual([]);
    // A device page handed out meanwhile is not the one the fault still holds (the reference keeps it held too).
    const moved = pair.step(s('migrate_to_device', { proc: 'p0', vpn: 1, npages: 1, pgmap: 'pgmap0' }));
    expect(moved.kernel?.result).toEqual({ cpages: 1, data: [8] });
    expect(pair.kernelView().state.procs.p0?.ptes[1]?.pfn).not.toBe(held);
    const r = pair.step(resume(READ));
    expect(r.kernel?.result).toEqual({ value: 0 });
    expect(r.refinement).toBeUndefined();
    expect(r.invariants).toEqual([]);
  });

  it('upstream: that fault finds another device page there and cannot allocate for it: VM_FAULT_OOM, as an atomic read (found by check --threads)', () => {
    // The shrunk counterexample: the stale fault consumed the failing allocation, then its retry succeeded.
    const pair = createPair(resolveBuiltin('upstream'));
    const READ1 = s('cpu_read', { proc: 'p0', vpn: 1 });
    const MIGRATE1 = s('migrate_to_device', { proc: 'p0', vpn: 1, npages: 1, pgmap: 'pgmap0' });
    const before = [s('mmap', { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' }), s('memremap_pages', { type: 'PRIVATE', owner: 'dmirror0', npages: 4 }), MIGRATE1];
    for (const step of before) pair.step(step);
    expect(pair.step(start(READ1)).paused).toBe('do_swap_page: pte_unmap_unlock');
    for (const step of [s('madvise_dontneed', { proc: 'p0', vpn: 1, npages: 1 }), MIGRATE1, s('fail_next_alloc', { where: 'system' })]) pair.step(step);
    const r = pair.step(resume(READ1));
    expect(r.kernel?.result).toEqual({ signal: 'SIGBUS' });
    expect(r.refinement).toBeUndefined();
    expect(r.invariants).toEqual([]);
  });
});
