// The interleaving point in memory_failure past get_dev_pagemap: a
// memory_failure of a ZONE_DEVICE pfn (by pgmap and index) started as a
// thread pauses holding its pgmap reference, before
// memory_failure_dev_pagemap. While it is paused, memunmap_pages of that
// pgmap waits for the reference and another memory_failure for mf_mutex;
// everything else runs. Upstream and v6.1 hold at the point and after it;
// the mutant that takes the reference only after rcu_read_unlock lets
// memunmap_pages tear the pgmap down under it, and is caught at the resume.
import { describe, expect, it } from 'vitest';
import getDevPagemapRef from '../../models/mutants/hook-get-dev-pagemap-ref.ts';
import type { Step } from '../../models/ops.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { createPair } from '../../src/runner/create-pair.ts';
import { atomicOrdersHold, runPaused, start } from './fixtures/run-paused.ts';

const s = (op: string, args: object): Step => ({ op, args }) as Step;

const GENERIC = s('memremap_pages', { type: 'GENERIC', owner: 'dax0', npages: 2 });
const MF = s('memory_failure', { pgmap: 'pgmap0', index: 0, countIncreased: false });
const MEMUNMAP = s('memunmap_pages', { pgmap: 'pgmap0' });

/** Cases: steps before the thread, the memory_failure it runs, and whether it pauses. */
const CASES: Record<string, { before: Step[]; thread: Step; pauses: boolean }> = {
  'a GENERIC page nobody maps': { before: [GENERIC], thread: MF, pauses: true },
  'with the madvise reference (MF_COUNT_INCREASED)': { before: [GENERIC], thread: { ...MF, args: { ...MF.args, countIncreased: true } } as Step, pauses: true },
  'a device-private page (refused after the point)': { before: [s('memremap_pages', { type: 'PRIVATE', owner: 'dmirror0', npages: 2 })], thread: MF, pauses: true },
  'a pgmap memunmap_pages killed (-ENXIO: no pause)': { before: [GENERIC, MEMUNMAP], thread: MF, pauses: false },
  'a system page by address (runs to its end)': {
    before: [s('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' }), s('cpu_write', { proc: 'p0', vpn: 0, value: 3 })],
    thread: s('memory_failure', { proc: 'p0', vpn: 0, countIncreased: false }),
    pauses: false,
  },
};

const run = runPaused;

describe('memory_failure past get_dev_pagemap as an interleaving point', () => {
  for (const name of ['upstream', 'v6.1']) {
    it.each(Object.entries(CASES))(`${name}: %s holds at the point and after it`, (_, c) => {
      const r = run(resolveBuiltin(name), c.before, c.thread, [MEMUNMAP]);
      expect(r.paused).toBe(c.pauses ? 'memory_failure: get_dev_pagemap' : undefined);
      // wait_for_completion(&pgmap->done): memunmap_pages runs only after the resume.
      expect(r.waited).toEqual(c.pauses ? ['memunmap_pages'] : []);
      expect(r.findings).toEqual([]);
    });
  }

  it('upstream: memunmap_pages of its pgmap and another memory_failure wait for it; other pgmaps and the rest do not', () => {
    const pair = createPair(resolveBuiltin('upstream'));
    for (const step of [GENERIC, s('memremap_pages', { type: 'GENERIC', owner: 'dax1', npages: 1 })]) pair.step(step);
    expect(pair.step(start(MF)).paused).toBe('memory_failure: get_dev_pagemap');
    expect(pair.blockedBy(MEMUNMAP)).toBe('t1');
    expect(pair.blockedBy(s('memory_failure', { pgmap: 'pgmap1', index: 0, countIncreased: false }))).toBe('t1');
    expect(pair.blockedBy(s('memunmap_pages', { pgmap: 'pgmap1' }))).toBeUndefined();
    expect(pair.blockedBy(s('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' }))).toBeUndefined();
  });

  it('hook-get-dev-pagemap-ref: memunmap_pages completes under the paused memory_failure, which then poisons a page of the removed pgmap', () => {
    const caught = run(resolveProposal(getDevPagemapRef.proposal), [GENERIC], MF, [MEMUNMAP]);
    expect(caught.waited).toEqual([]);
    expect(caught.findings).toEqual([expect.stringMatching(/^memory-failure-contract: pgmap-dying-refused: pfn \d+ \(GENERIC, pgmap0 index 0\): memory_failure returned -EBUSY, expected -ENXIO/)]);
    // Atomically the two orders are both fine: the race needs the pause.
    atomicOrdersHold(resolveProposal(getDevPagemapRef.proposal), [
      [GENERIC, MF, MEMUNMAP],
      [GENERIC, MEMUNMAP, MF],
    ]);
  });
});
