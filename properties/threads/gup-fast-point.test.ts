// The interleaving point in gup_fast_pte_range: a get_user_pages_fast or
// pin_user_pages_fast of a present page whose PTE permits the access,
// started as a thread, pauses past its lockless read of the PTE, before
// try_grab_folio_fast. It holds no lock and no reference, so only its own
// process's exit waits for it. Resumed, it grabs the folio the value names
// and reads the PTE again; if the entry changed it falls back to the slow
// path. Upstream and v6.1 hold whatever runs in between; the mutant whose
// re-read compares the pfn only keeps a pin on a page a fork shared with
// the child, and is caught at the resume.
import { describe, expect, it } from 'vitest';
import gupFastPteRange from '../../models/mutants/hook-gup-fast-pte-range.ts';
import type { Step } from '../../models/ops.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { createPair } from '../../src/runner/create-pair.ts';
import { atomicOrdersHold, runPaused, start } from './fixtures/run-paused.ts';

const s = (op: string, args: object): Step => ({ op, args }) as Step;

const MMAP = s('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
const WRITTEN = [MMAP, s('cpu_write', { proc: 'p0', vpn: 0, value: 7 })];
const PIN = s('pin_user_pages', { proc: 'p0', vpn: 0, write: true, longterm: false, fast: true });
const GET = s('get_user_pages', { proc: 'p0', vpn: 0, write: true, fast: true });
const FORK = s('fork', { proc: 'p0' });
const POINT = 'gup_fast_pte_range: ptep_get_lockless';

/** What may run between the read and the grab, and what the fast GUP then returns. */
const MEANWHILE: Record<string, { steps: Step[]; result: 'handle' | 'EFAULT' | 'EHWPOISON' }> = {
  nothing: { steps: [], result: 'handle' },
  'a fork (the PTE write-protected, the page shared)': { steps: [FORK], result: 'handle' },
  'a fork, then the child writes': { steps: [FORK, s('cpu_write', { proc: 'p1', vpn: 0, value: 8 })], result: 'handle' },
  'mprotect read-only (the slow path refuses the write)': { steps: [s('mprotect', { proc: 'p0', vpn: 0, npages: 1, prot: 'read' })], result: 'EFAULT' },
  'munmap (the page freed: folio_try_get finds 0)': { steps: [s('munmap', { proc: 'p0', vpn: 0, npages: 1 })], result: 'EFAULT' },
  'munmap, and the frame handed out again': {
    steps: [s('munmap', { proc: 'p0', vpn: 0, npages: 1 }), MMAP, s('cpu_write', { proc: 'p0', vpn: 1, value: 9 })],
    result: 'EFAULT',
  },
  'memory_failure of the page (a hwpoison entry: same pfn)': { steps: [s('memory_failure', { proc: 'p0', vpn: 0, countIncreased: false })], result: 'EHWPOISON' },
};

const run = runPaused;

describe('gup_fast_pte_range past its lockless read as an interleaving point', () => {
  for (const name of ['upstream', 'v6.1']) {
    for (const thread of [PIN, GET]) {
      it.each(Object.entries(MEANWHILE))(`${name}: ${thread.op}_fast, meanwhile %s: holds, and the PTE's change sends it to the slow path`, (_, c) => {
        const r = run(resolveBuiltin(name), WRITTEN, thread, c.steps);
        expect(r.paused).toBe(POINT);
        expect(r.findings).toEqual([]);
        if (c.result !== 'handle') expect(r.result).toEqual({ errno: c.result });
        else expect(r.result).toHaveProperty(thread.op === 'pin_user_pages' ? 'pin' : 'ref');
      });
    }
  }

  it('upstream: a read pin of a read-only page, and mprotect(PROT_NONE) in between: the PTE is protnone now, the slow path refuses it (a soak found the model comparing no protection)', () => {
    const readOnly = [
      s('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: true, prot: 'write' }),
      s('cpu_write', { proc: 'p0', vpn: 0, value: 3 }),
      s('mprotect', { proc: 'p0', vpn: 0, npages: 1, prot: 'read' }),
    ];
    const readPin = { ...PIN, args: { ...PIN.args, write: false } } as Step;
    const r = run(resolveBuiltin('upstream'), readOnly, readPin, [s('mprotect', { proc: 'p0', vpn: 0, npages: 1, prot: 'none' })]);
    expect(r.paused).toBe(POINT);
    expect(r.result).toEqual({ errno: 'EFAULT' });
    expect(r.findings).toEqual([]);
  });

  it('upstream: after a fork in between, the pin is on a page only the parent maps, writable', () => {
    const r = run(resolveBuiltin('upstream'), WRITTEN, PIN, [FORK]);
    const v = r.pair.kernelView().state;
    const pin = Object.values(v.pins)[0];
    const parent = v.procs.p0?.ptes[0];
    const child = v.procs.p1?.ptes[0];
    expect(pin?.pfn).toBe(parent?.pfn);
    expect(parent?.write).toBe(true);
    expect(child?.pfn).not.toBe(parent?.pfn);
  });

  it('upstream: it pauses only on the fast path, over a PTE that permits the access', () => {
    const pausesAt = (before: readonly Step[], thread: Step) => createPairAfter(before).step(start(thread)).paused;
    const createPairAfter = (before: readonly Step[]) => {
      const pair = createPair(resolveBuiltin('upstream'));
      for (const step of before) pair.step(step);
      return pair;
    };
    expect(pausesAt(WRITTEN, PIN)).toBe(POINT);
    expect(pausesAt(WRITTEN, { ...PIN, args: { ...PIN.args, fast: false } } as Step)).toBeUndefined();
    // Nothing mapped yet: the fast path falls back at once and the slow path faults the page in.
    expect(pausesAt([MMAP], PIN)).toBeUndefined();
    // A read-only PTE refuses a write (pte_access_permitted), but not a read.
    const readOnly = [...WRITTEN, FORK];
    expect(pausesAt(readOnly, PIN)).toBeUndefined();
    expect(pausesAt(readOnly, { ...GET, args: { ...GET.args, write: false } } as Step)).toBe(POINT);
  });

  it("upstream: only its own process's exit waits for it", () => {
    const pair = createPair(resolveBuiltin('upstream'));
    for (const step of [...WRITTEN, s('mmap', { proc: 'p1', npages: 1, kind: 'anon', shared: false, prot: 'write' })]) pair.step(step);
    expect(pair.step(start(PIN)).paused).toBe(POINT);
    expect(pair.blockedBy(s('exit', { proc: 'p0' }))).toBe('t1');
    expect(pair.blockedBy(s('exit', { proc: 'p1' }))).toBeUndefined();
    for (const step of [FORK, s('munmap', { proc: 'p0', vpn: 0, npages: 1 }), s('mprotect', { proc: 'p0', vpn: 0, npages: 1, prot: 'read' }), GET]) {
      expect(pair.blockedBy(step)).toBeUndefined();
    }
  });

  it('hook-gup-fast-pte-range: a fork in between goes unseen and the pin stays on the page the child shares', () => {
    const caught = run(resolveProposal(gupFastPteRange.proposal), WRITTEN, PIN, [FORK]);
    expect(caught.findings).toContainEqual(expect.stringMatching(/^refinement: not linearizable/));
    // Atomically the two orders are both fine: the race needs the pause.
    atomicOrdersHold(resolveProposal(gupFastPteRange.proposal), [
      [...WRITTEN, PIN, FORK],
      [...WRITTEN, FORK, PIN],
    ]);
  });
});
