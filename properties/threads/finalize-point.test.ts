// The interleaving point inside __migrate_device_finalize (BUG-15): a
// one-page driver migration started as a thread pauses once its page moved,
// before the folio_puts. Upstream and v6.1 hold there and after the resume
// for every kind of one-page migration below; the mutant that puts the dying
// system source back on the LRU is caught at the point itself — the only
// place it shows, since the put frees the folio and takes it off the LRU.
import { describe, expect, it } from 'vitest';
import bug15 from '../../models/mutants/bug-15-finalize-putback-dying.ts';
import type { Step } from '../../models/ops.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import { createPair } from '../../src/runner/create-pair.ts';
import { noteFindings } from './fixtures/step-findings.ts';

const s = (op: string, args: object, thread?: Step['thread']): Step => ({ op, args, ...(thread ? { thread } : {}) }) as Step;
const start = (step: Step): Step => ({ ...step, thread: { id: 't1', kind: 'start' } });
const resume = (step: Step): Step => ({ ...step, thread: { id: 't1', kind: 'resume' } });

const BASE: Step[] = [
  s('mmap', { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' }),
  s('cpu_write', { proc: 'p0', vpn: 0, value: 7 }),
  s('memremap_pages', { type: 'PRIVATE', owner: 'dmirror0', npages: 2 }),
];
const TO_DEVICE = s('migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' });
const TO_RAM = s('migrate_to_ram', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' });

/** Cases: steps before the thread, and the migration the thread runs. */
const CASES: Record<string, { before: Step[]; thread: Step; pauses: boolean }> = {
  'a written system page to the device': { before: BASE, thread: TO_DEVICE, pauses: true },
  // A hole has no source: finalize only unlocks and puts the new page ("if (!page)").
  'a hole to the device (no source: no pause)': { before: BASE, thread: s('migrate_to_device', { proc: 'p0', vpn: 1, npages: 1, pgmap: 'pgmap0' }), pauses: false },
  'a device page back to RAM': { before: [...BASE, TO_DEVICE], thread: TO_RAM, pauses: true },
  'a pinned page (refused: no pause)': { before: [...BASE, s('pin_user_pages', { proc: 'p0', vpn: 0, write: true, longterm: false, fast: false })], thread: TO_DEVICE, pauses: false },
};

function run(proposal: ResolvedProposal, before: readonly Step[], thread: Step): { paused?: string; findings: string[] } {
  const pair = createPair(proposal);
  const findings: string[] = [];
  const note = (r: ReturnType<typeof pair.step>) => noteFindings(findings, r);
  for (const step of before) note(pair.step(step));
  let started = pair.step(start(thread));
  note(started);
  // A page the collect unmapped pauses there first (migrate_vma_collect_pmd's point, collect-point.test.ts).
  if (started.paused === 'migrate_vma_collect_pmd: pte_unmap_unlock') note((started = pair.step(resume(thread))));
  // Nothing else runs while a migration is paused in finalize.
  if (started.paused !== undefined) expect(pair.blockedBy(s('cpu_read', { proc: 'p0', vpn: 1 }))).toBe('t1');
  if (started.paused !== undefined) note(pair.step(resume(thread)));
  return { ...(started.paused === undefined ? {} : { paused: started.paused }), findings };
}

describe('__migrate_device_finalize as an interleaving point', () => {
  for (const name of ['upstream', 'v6.1']) {
    it.each(Object.entries(CASES))(`${name}: %s holds at the point and after it`, (_, c) => {
      const r = run(resolveBuiltin(name), c.before, c.thread);
      expect(r.paused).toBe(c.pauses ? 'migrate_device_finalize: folio_putback_lru' : undefined);
      expect(r.findings).toEqual([]);
    });
  }

  it('bug-15: the dying system source on the LRU, uncharged, at the point — and only there', () => {
    const caught = run(resolveProposal(bug15.proposal), BASE, TO_DEVICE);
    expect(caught.findings).toEqual([expect.stringMatching(/^device-not-on-lru: uncharged: pfn 1 \(SYSTEM\): on the LRU but charged to no memcg$/)]);
    // Atomically the put frees it and takes it off the LRU: nothing to see.
    const atomic = createPair(resolveProposal(bug15.proposal));
    for (const step of [...BASE, TO_DEVICE]) expect(atomic.step(step).invariants).toEqual([]);
    // A ZONE_DEVICE source is put, not put back: back to RAM it holds.
    expect(run(resolveProposal(bug15.proposal), [...BASE, TO_DEVICE], TO_RAM).findings).toEqual([]);
  });
});
