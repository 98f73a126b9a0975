// GUP through do_swap_page's interleaving point: get_user_pages and
// pin_user_pages (one page, as a driver calls them) on a device-private
// entry fault it back with faultin_page → handle_mm_fault → do_swap_page,
// so started as a thread they pause after pte_unmap_unlock like a CPU
// access, and resumed they go back to follow_page_pte. Upstream and v6.1
// hold with the page evicted in between; hook-do-swap-page (the reference
// taken after the unlock) frees the page twice, as with a CPU access.
import { describe, expect, it } from 'vitest';
import hookDoSwapPage from '../../models/mutants/hook-do-swap-page.ts';
import type { Step } from '../../models/ops.ts';
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { createPair } from '../../src/runner/create-pair.ts';
import { noteFindings } from './fixtures/step-findings.ts';

const s = (op: string, args: object): Step => ({ op, args }) as Step;
const start = (step: Step): Step => ({ ...step, thread: { id: 't1', kind: 'start' } });
const resume = (step: Step): Step => ({ ...step, thread: { id: 't1', kind: 'resume' } });

const BEFORE: Step[] = [
  s('memremap_pages', { type: 'PRIVATE', owner: 'dmirror0', npages: 1 }),
  s('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' }),
  s('cpu_write', { proc: 'p0', vpn: 0, value: 5 }),
  s('migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' }),
];
const EVICT = s('migrate_device_range', { pgmap: 'pgmap0' });
const GUPS: Record<string, Step> = {
  get_user_pages: s('get_user_pages', { proc: 'p0', vpn: 0, write: false, fast: false }),
  'get_user_pages_fast, for write': s('get_user_pages', { proc: 'p0', vpn: 0, write: true, fast: true }),
  'pin_user_pages FOLL_LONGTERM': s('pin_user_pages', { proc: 'p0', vpn: 0, write: true, longterm: true, fast: false }),
};

function run(proposal: ResolvedProposal, thread: Step, meanwhile: readonly Step[]) {
  const pair = createPair(proposal);
  const findings: string[] = [];
  const note = (r: ReturnType<typeof pair.step>) => noteFindings(findings, r);
  for (const step of BEFORE) note(pair.step(step));
  const started = pair.step(start(thread));
  note(started);
  for (const step of meanwhile) note(pair.step(step));
  const resumed = pair.step(resume(thread));
  note(resumed);
  return { paused: started.paused, result: resumed.kernel?.result, findings };
}

describe('GUP faulting a device-private page through do_swap_page: pte_unmap_unlock', () => {
  for (const name of ['upstream', 'v6.1']) {
    it.each(Object.entries(GUPS))(`${name}: %s pauses there and holds, alone and with the page evicted meanwhile`, (_, gup) => {
      for (const meanwhile of [[], [EVICT]]) {
        const r = run(resolveBuiltin(name), gup, meanwhile);
        expect(r.paused).toBe('do_swap_page: pte_unmap_unlock');
        expect(r.findings).toEqual([]);
        // The page came back to RAM (by the fault or the eviction) and GUP took it there.
        expect(r.result).toEqual(gup.op === 'get_user_pages' ? { ref: 'ref0' } : { pin: 'pin0' });
      }
    });
  }

  it('hook-do-swap-page: the eviction frees the page the paused GUP then references and puts', () => {
    const r = run(resolveProposal(hookDoSwapPage.proposal), GUPS.get_user_pages as Step, [EVICT]);
    expect(r.paused).toBe('do_swap_page: pte_unmap_unlock');
    expect(r.findings).toEqual(expect.arrayContaining([expect.stringMatching(/^free-once: /)]));
  });
});
