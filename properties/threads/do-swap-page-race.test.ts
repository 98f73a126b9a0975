// Every interleaving, at small bounds, of a CPU fault on a device-private
// page (thread t1, paused in do_swap_page after pte_unmap_unlock) with up
// to two atomic operations of the main thread that race it: the driver
// evicting the page (migrate_to_ram, migrate_device_range), a device
// access, memory_failure, memunmap_pages, a second CPU access, fork and
// munmap (which wait for the fault: not enabled), GUP. Upstream and v6.1
// hold in every one — no invariant fails at an interleaving point, and each
// concurrent stretch is linearizable — while the mutant that takes the
// reference after the unlock (hook-do-swap-page, the order before
// 16ce101db85d) is caught in at least one, with a two-thread trace.
import { describe, expect, it } from 'vitest';
import hookDoSwapPage from '../../models/mutants/hook-do-swap-page.ts';
import type { Step } from '../../models/ops.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import { createPair } from '../../src/runner/create-pair.ts';

const s = (op: string, args: object, thread?: Step['thread']): Step => ({ op, args, ...(thread ? { thread } : {}) }) as Step;

/** Two device-private pages of p0 (vpn 0 and 1), written first so their data shows. */
const PREFIX: Step[] = [
  s('memremap_pages', { type: 'PRIVATE', owner: 'dmirror0', npages: 2 }),
  s('mmap', { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' }),
  s('cpu_write', { proc: 'p0', vpn: 0, value: 7 }),
  s('cpu_write', { proc: 'p0', vpn: 1, value: 8 }),
  s('migrate_to_device', { proc: 'p0', vpn: 0, npages: 2, pgmap: 'pgmap0' }),
];

const STARTS: Step[] = [s('cpu_read', { proc: 'p0', vpn: 0 }), s('cpu_write', { proc: 'p0', vpn: 0, value: 9 })];

const RACERS: Step[] = [
  s('migrate_to_ram', { proc: 'p0', vpn: 0, npages: 2, pgmap: 'pgmap0' }),
  s('migrate_to_ram', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' }),
  s('migrate_device_range', { pgmap: 'pgmap0' }),
  s('device_read', { proc: 'p0', vpn: 0, npages: 2, owner: 'dmirror0' }),
  s('device_write', { proc: 'p0', vpn: 0, npages: 1, owner: 'dmirror0', data: [5] }),
  s('device_read', { proc: 'p0', vpn: 0, npages: 1, owner: 'dmirror1' }),
  s('memory_failure', { pgmap: 'pgmap0', index: 0, countIncreased: false }),
  s('memunmap_pages', { pgmap: 'pgmap0' }),
  s('cpu_read', { proc: 'p0', vpn: 1 }),
  s('cpu_write', { proc: 'p0', vpn: 0, value: 3 }),
  s('get_user_pages', { proc: 'p0', vpn: 1, write: false, fast: false }),
  s('fork', { proc: 'p0' }),
  s('munmap', { proc: 'p0', vpn: 0, npages: 1 }),
];

interface Finding {
  readonly trace: readonly string[];
  readonly what: string;
}

/** Runs PREFIX, start, the racers that are enabled, resume; the first finding, if any. */
function interleaving(proposal: ResolvedProposal, start: Step, racers: readonly Step[]): Finding | undefined {
  const pair = createPair(proposal);
  const trace: string[] = [];
  const run = (step: Step): string | undefined => {
    const r = pair.step(step);
    trace.push(`${step.thread ? `${step.thread.id} ${step.thread.kind}` : 't0'} ${step.op}${r.paused ? ` [paused after ${r.paused}]` : ''}`);
    if (r.crash) return `crash: ${r.crash.message}`;
    if (r.refinement) return `refinement: ${r.refinement}`;
    const broken = r.invariants[0];
    return broken && `${broken.id}: ${broken.messages.join('; ')}`;
  };
  for (const step of PREFIX) {
    const what = run(step);
    if (what) return { trace, what };
  }
  const what = run({ ...start, thread: { id: 't1', kind: 'start' } });
  if (what) return { trace, what };
  if (pair.pausedThreads().length === 0) throw new Error(`${start.op} did not pause: the scenario no longer reaches do_swap_page`);
  for (const racer of racers) {
    if (pair.blockedBy(racer) !== undefined) continue; // it waits for t1: not enabled
    const what = run(racer);
    if (what) return { trace, what };
  }
  const done = run({ ...start, thread: { id: 't1', kind: 'resume' } });
  return done ? { trace, what: done } : undefined;
}

function everyInterleaving(proposal: ResolvedProposal): { runs: number; findings: Finding[] } {
  const findings: Finding[] = [];
  let runs = 0;
  for (const start of STARTS) {
    const sequences: Step[][] = [[], ...RACERS.map((r) => [r]), ...RACERS.flatMap((a) => RACERS.map((b) => [a, b]))];
    for (const racers of sequences) {
      runs++;
      const f = interleaving(proposal, start, racers);
      if (f) findings.push(f);
    }
  }
  return { runs, findings };
}

describe('do_swap_page racing the main thread, every interleaving of up to two steps', () => {
  it.each(['upstream', 'v6.1'])('%s holds in every interleaving', (name) => {
    const { runs, findings } = everyInterleaving(resolveBuiltin(name));
    expect(runs).toBe(2 * (1 + RACERS.length + RACERS.length ** 2));
    expect(findings.map((f) => `${f.trace.join(' → ')}: ${f.what}`)).toEqual([]);
  });

  it('hook-do-swap-page (get_page after pte_unmap_unlock) is caught: eviction frees the page under the fault', () => {
    const { findings } = everyInterleaving(resolveProposal(hookDoSwapPage.proposal));
    const evicted = findings.find((f) => f.trace.some((t) => t.includes('migrate_to_ram')) && f.what.startsWith('free-once'));
    expect(evicted, findings.map((f) => f.what).join('\n')).toBeDefined();
    // Two threads: the fault's start and resume, the eviction between them on t0.
    expect(evicted?.trace.filter((t) => t.startsWith('t1')).length).toBe(2);
  });
});
