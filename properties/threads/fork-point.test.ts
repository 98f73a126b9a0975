// The interleaving point in fork's copy_present_ptes: a fork started as a
// thread pauses at the first anon page it shares with the child while the
// parent's PTE still allows writes — after folio_try_dup_anon_rmap_pte
// found it not pinned, before ptep_set_wrprotect. Fork holds the mmap_lock,
// every VMA lock and the PTLs, so only a fast GUP of the parent may run
// meanwhile, and a FOLL_PIN one falls back while write_protect_seq is odd
// (57efa1fe5957): upstream and v6.1 hold. The mutant whose gup_fast
// ignores the count pins the page through the writable PTE, and fork then
// shares a pinned page with the child.
import { describe, expect, it } from 'vitest';
import gupFast from '../../models/mutants/hook-gup-fast.ts';
import type { Step } from '../../models/ops.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import { createPair } from '../../src/runner/create-pair.ts';
import { atomicOrdersHold, runPaused, start } from './fixtures/run-paused.ts';

const s = (op: string, args: object): Step => ({ op, args }) as Step;
const POINT = 'copy_present_ptes: folio_try_dup_anon_rmap_pte';

const MMAP = s('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
const WRITTEN = [MMAP, s('cpu_write', { proc: 'p0', vpn: 0, value: 6 })];
const FORK = s('fork', { proc: 'p0' });
const PIN_FAST = s('pin_user_pages', { proc: 'p0', vpn: 0, write: true, longterm: false, fast: true });
const GET_FAST = s('get_user_pages', { proc: 'p0', vpn: 0, write: true, fast: true });

const run = (proposal: ResolvedProposal, before: readonly Step[], meanwhile: readonly Step[]) => runPaused(proposal, before, FORK, meanwhile);

describe("fork's copy_present_ptes before ptep_set_wrprotect as an interleaving point", () => {
  for (const name of ['upstream', 'v6.1']) {
    it(`${name}: a fast pin waits (write_protect_seq is odd), a fast get goes through, and it holds`, () => {
      const r = run(resolveBuiltin(name), WRITTEN, [PIN_FAST, GET_FAST]);
      expect(r.paused).toBe(POINT);
      expect(r.waited).toEqual(['pin_user_pages']);
      expect(r.result).toEqual({ child: 'p1' });
      expect(r.findings).toEqual([]);
      // The reference the fast get took is one fork did not have to copy for: the page is shared, read-only in both.
      const v = r.pair.kernelView().state;
      expect(v.procs.p0?.ptes[0]).toMatchObject({ kind: 'present', write: false });
      expect(v.procs.p1?.ptes[0]?.pfn).toBe(v.procs.p0?.ptes[0]?.pfn);
    });
  }

  it('upstream: everything else waits for the paused fork, the child included', () => {
    const pair = createPair(resolveBuiltin('upstream'));
    for (const step of [...WRITTEN, s('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'read' })]) pair.step(step);
    expect(pair.step(start(FORK)).paused).toBe(POINT);
    for (const step of [
      MMAP,
      s('cpu_read', { proc: 'p0', vpn: 0 }),
      s('cpu_read', { proc: 'p1', vpn: 0 }),
      { ...GET_FAST, args: { ...GET_FAST.args, fast: false } } as Step,
      // A fast get of a page that is not mapped falls back to the slow path, which needs the mmap_lock.
      { ...GET_FAST, args: { ...GET_FAST.args, vpn: 1, write: false } } as Step,
      s('memremap_pages', { type: 'PRIVATE', owner: 'dmirror0', npages: 1 }),
    ]) {
      expect(pair.blockedBy(step), JSON.stringify(step)).toBe('t1');
    }
    expect(pair.blockedBy(GET_FAST)).toBeUndefined();
  });

  it('upstream: it pauses only where fork write-protects a page it shares', () => {
    const pausesAfter = (before: readonly Step[]) => run(resolveBuiltin('upstream'), before, []).paused;
    // Nothing mapped; a read-only page (nothing to write-protect); a pinned page (copied for the child).
    expect(pausesAfter([MMAP])).toBeUndefined();
    expect(pausesAfter([MMAP, s('cpu_read', { proc: 'p0', vpn: 0 })])).toBeUndefined();
    expect(pausesAfter([...WRITTEN, PIN_FAST])).toBeUndefined();
    expect(pausesAfter(WRITTEN)).toBe(POINT);
  });

  it('hook-gup-fast: the fast pin goes through the writable PTE, and fork shares the pinned page with the child', () => {
    const caught = run(resolveProposal(gupFast.proposal), WRITTEN, [PIN_FAST]);
    expect(caught.waited).toEqual([]);
    expect(caught.findings).toContainEqual(expect.stringMatching(/^refinement: not linearizable/));
    // Atomically the two orders are both fine: the race needs the pause.
    atomicOrdersHold(resolveProposal(gupFast.proposal), [
      [...WRITTEN, PIN_FAST, FORK],
      [...WRITTEN, FORK, PIN_FAST],
    ]);
  });
});
