// explore --threads (issue 12): every interleaving of a fault paused in
// do_swap_page with the main thread's steps, breadth first from a state
// with device-private pages (ExploreOptions.from). The mutant that takes
// its reference after the unlock is found with a shortest two-thread
// counterexample; upstream is complete to the same depth with no violation.
import { describe, expect, it } from 'vitest';
import hookDoSwapPage from '../../models/mutants/hook-do-swap-page.ts';
import hookGetDevPagemapRef from '../../models/mutants/hook-get-dev-pagemap-ref.ts';
import type { OpName, Step } from '../../models/ops.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { explore } from '../../src/explore/explore.ts';
import { verdictLine } from '../../src/explore/explore-summary.ts';

const s = (op: string, args: object): Step => ({ op, args }) as Step;

const FROM: Step[] = [
  s('memremap_pages', { type: 'PRIVATE', owner: 'dmirror0', npages: 2 }),
  s('mmap', { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' }),
  s('cpu_write', { proc: 'p0', vpn: 0, value: 1 }),
  s('migrate_to_device', { proc: 'p0', vpn: 0, npages: 2, pgmap: 'pgmap0' }),
];
const OPS: OpName[] = ['cpu_read', 'cpu_write', 'migrate_to_ram', 'migrate_device_range', 'device_read', 'memunmap_pages', 'fork', 'munmap'];
// The faults start as t1 (do_swap_page's point); fork and munmap run on the main thread only.
const options = { depth: 3, bounds: { pages: 2, procs: 2, devices: 1, values: 1, symmetry: true }, ops: OPS, from: FROM, threads: true, threadOps: ['cpu_read', 'cpu_write'] as OpName[] };

describe('explore --threads from a state with device-private pages', () => {
  it('finds hook-do-swap-page at its shortest: start the fault, evict the page, resume', () => {
    const r = explore(resolveProposal(hookDoSwapPage.proposal), options);
    expect(r.stop).toBe('violation');
    expect(r.violation?.finding.check).toBe('free-once');
    const steps = r.violation?.steps ?? [];
    expect(steps.slice(0, FROM.length).map((x) => x.step)).toEqual(FROM);
    expect(steps.slice(FROM.length).map((x) => `${x.step.thread?.kind ?? 't0'} ${x.step.op}`)).toEqual(['start cpu_read', 't0 migrate_to_ram', 'resume cpu_read']);
    expect(steps[FROM.length]?.paused).toBe('do_swap_page: pte_unmap_unlock');
    expect(verdictLine(r)).toBe("violation: free-once after 7 steps (shortest: every state within 2 steps of the --from trace's last state (its 4 steps first) was checked first)");
  });

  it('upstream: complete to depth 3, no violation, more states than without threads', () => {
    const threaded = explore(resolveBuiltin('upstream'), options);
    expect([threaded.stop, threaded.completeDepth]).toEqual(['complete', 3]);
    const atomic = explore(resolveBuiltin('upstream'), { ...options, threads: false });
    expect([atomic.stop, atomic.completeDepth]).toEqual(['complete', 3]);
    expect(threaded.states).toBeGreaterThan(atomic.states);
  });
});

describe('explore --threads from the initial state: memory_failure past get_dev_pagemap', () => {
  const mf = {
    depth: 4,
    bounds: { pages: 1, procs: 2, devices: 1, values: 1, symmetry: true },
    ops: ['memremap_pages', 'memory_failure', 'memunmap_pages'] as OpName[],
    threads: true,
    threadOps: ['memory_failure'] as OpName[],
  };

  it('finds hook-get-dev-pagemap-ref at its shortest: map the pgmap, start memory_failure, tear the pgmap down, resume', () => {
    const r = explore(resolveProposal(hookGetDevPagemapRef.proposal), mf);
    expect(r.stop).toBe('violation');
    expect(r.violation?.finding.check).toBe('memory-failure-contract');
    const steps = r.violation?.steps ?? [];
    expect(steps.map((x) => `${x.step.thread?.kind ?? 't0'} ${x.step.op}`)).toEqual(['t0 memremap_pages', 'start memory_failure', 't0 memunmap_pages', 'resume memory_failure']);
    expect(steps[1]?.paused).toBe('memory_failure: get_dev_pagemap');
  });

  it('upstream: every reachable state within these bounds explored, no violation', () => {
    const r = explore(resolveBuiltin('upstream'), mf);
    expect(r.stop).toBe('no-more-states');
    expect(r.violation).toBeUndefined();
  });
});
