// The interleaving point in free_zone_device_folio: the final put of a
// MEMORY_DEVICE_PRIVATE or COHERENT page whose pgmap reference is per
// allocation (v6.1+) — by munmap's zap, put_page or unpin_user_page —
// started as a thread pauses between the driver's page_free and
// put_dev_pagemap. memunmap_pages of that pgmap waits for the reference;
// a munmap still holds its mm's mmap_lock. Upstream, v6.1 and v6.2 hold at
// the point and after it; the mutant that puts the reference before
// page_free lets memunmap_pages complete with the page still in use.
import { describe, expect, it } from 'vitest';
import freeRef from '../../models/mutants/hook-free-zone-device-folio-ref.ts';
import type { Step } from '../../models/ops.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { createPair } from '../../src/runner/create-pair.ts';
import { atomicOrdersHold, runPaused, start } from './fixtures/run-paused.ts';

const s = (op: string, args: object): Step => ({ op, args }) as Step;
const POINT = 'free_zone_device_folio: page_free';

const MMAP = s('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
const MIGRATED = (type: 'PRIVATE' | 'COHERENT') => [
  s('memremap_pages', { type, owner: 'dmirror0', npages: 2 }),
  MMAP,
  s('cpu_write', { proc: 'p0', vpn: 0, value: 4 }),
  s('migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' }),
];
const MUNMAP = s('munmap', { proc: 'p0', vpn: 0, npages: 1 });
const MEMUNMAP = s('memunmap_pages', { pgmap: 'pgmap0' });

/** Cases: the steps before, the final put run as t1. */
const CASES: Record<string, { before: Step[]; thread: Step }> = {
  'munmap of a device-private page': { before: MIGRATED('PRIVATE'), thread: MUNMAP },
  'munmap of a coherent page': { before: MIGRATED('COHERENT'), thread: MUNMAP },
  'put_page of a coherent page nobody maps': {
    before: [...MIGRATED('COHERENT'), s('get_user_pages', { proc: 'p0', vpn: 0, write: false, fast: false }), MUNMAP],
    thread: s('put_page', { ref: 'ref0' }),
  },
  'unpin_user_page of a coherent page nobody maps': {
    before: [...MIGRATED('COHERENT'), s('pin_user_pages', { proc: 'p0', vpn: 0, write: true, longterm: false, fast: false }), MUNMAP],
    thread: s('unpin_user_page', { pin: 'pin0' }),
  },
};

const run = runPaused;

describe('free_zone_device_folio between page_free and put_dev_pagemap as an interleaving point', () => {
  for (const name of ['upstream', 'v6.1', 'v6.2']) {
    it.each(Object.entries(CASES))(`${name}: %s pauses there; memunmap_pages waits for it, then completes`, (_, c) => {
      const r = run(resolveBuiltin(name), c.before, c.thread, [MEMUNMAP]);
      expect(r.paused).toBe(POINT);
      expect(r.waited).toEqual(['memunmap_pages']);
      expect(r.findings).toEqual([]);
      const after = r.pair.step(MEMUNMAP);
      expect(after.kernel?.result).toEqual({});
      expect(after.invariants).toEqual([]);
    });
  }

  it('upstream: the page is back on the driver free list at the point; another migration may take it, and the late put keeps the count', () => {
    // One free page left besides the one being freed: the migration meanwhile takes the lowest, the one page_free just returned.
    const before = [
      s('memremap_pages', { type: 'PRIVATE', owner: 'dmirror0', npages: 1 }),
      MMAP,
      MMAP,
      s('cpu_write', { proc: 'p0', vpn: 0, value: 4 }),
      s('cpu_write', { proc: 'p0', vpn: 1, value: 5 }),
    ];
    const r = run(resolveBuiltin('upstream'), [...before, s('migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' })], MUNMAP, [
      s('migrate_to_device', { proc: 'p0', vpn: 1, npages: 1, pgmap: 'pgmap0' }),
      s('cpu_read', { proc: 'p0', vpn: 1 }),
    ]);
    expect(r.paused).toBe(POINT);
    // The pgmap's only page, freed by the paused munmap's page_free, moved in and out again.
    expect(r.ran).toEqual([{ cpages: 1, data: [5] }, { value: 5 }]);
    expect(r.findings).toEqual([]);
    const v = r.pair.kernelView();
    expect(v.state.procs.p0?.ptes[1]?.kind).toBe('present');
    expect(v.pgmapRefs.pgmap0).toBe(1);
  });

  it('it pauses only at a final put of a page with a per-allocation reference', () => {
    const pausesAt = (era: string, before: readonly Step[], thread: Step) => run(resolveBuiltin(era), before, thread, []).paused;
    // v6.0: the references are per pfn, and page_free ends the free.
    expect(pausesAt('v6.0', MIGRATED('PRIVATE'), MUNMAP)).toBeUndefined();
    // A system page, and a device page still mapped elsewhere (the fork's child keeps it).
    expect(pausesAt('upstream', [MMAP, s('cpu_write', { proc: 'p0', vpn: 0, value: 1 })], MUNMAP)).toBeUndefined();
    expect(pausesAt('upstream', [...MIGRATED('COHERENT'), s('fork', { proc: 'p0' })], MUNMAP)).toBeUndefined();
  });

  it('upstream: a paused munmap keeps its mm locked and the pgmap referenced; other mms, other pgmaps and a paused put_page do not wait', () => {
    const pair = createPair(resolveBuiltin('upstream'));
    for (const step of [
      ...MIGRATED('PRIVATE'),
      s('memremap_pages', { type: 'PRIVATE', owner: 'dmirror1', npages: 1 }),
      s('mmap', { proc: 'p1', npages: 1, kind: 'anon', shared: false, prot: 'write' }),
    ])
      pair.step(step);
    expect(pair.step(start(MUNMAP)).paused).toBe(POINT);
    expect(pair.blockedBy(MEMUNMAP)).toBe('t1');
    expect(pair.blockedBy(s('memunmap_pages', { pgmap: 'pgmap1' }))).toBeUndefined();
    for (const step of [MMAP, s('mprotect', { proc: 'p0', vpn: 0, npages: 1, prot: 'read' }), s('fork', { proc: 'p0' }), s('exit', { proc: 'p0' })]) expect(pair.blockedBy(step), step.op).toBe('t1');
    expect(pair.blockedBy(s('mmap', { proc: 'p1', npages: 1, kind: 'anon', shared: false, prot: 'write' }))).toBeUndefined();
    expect(pair.blockedBy(s('cpu_read', { proc: 'p0', vpn: 0 }))).toBeUndefined();
    const put = CASES['put_page of a coherent page nobody maps'];
    if (put === undefined) throw new Error('no put_page case');
    const paused = createPair(resolveBuiltin('upstream'));
    for (const step of put.before) paused.step(step);
    expect(paused.step(start(put.thread)).paused).toBe(POINT);
    expect(paused.blockedBy(MMAP)).toBeUndefined();
    expect(paused.blockedBy(MEMUNMAP)).toBe('t1');
  });

  it('hook-free-zone-device-folio-ref: memunmap_pages completes under the paused free, with the page still in use', () => {
    const caught = run(resolveProposal(freeRef.proposal), MIGRATED('PRIVATE'), MUNMAP, [MEMUNMAP]);
    expect(caught.waited).toEqual([]);
    expect(caught.findings).toContainEqual(expect.stringMatching(/^pgmap-ref-balanced: removed-idle: pfn \d+ \(PRIVATE, pgmap0 index 0\): in use although memunmap_pages\(pgmap0\) completed/));
    // Atomically the two orders are both fine: the race needs the pause.
    atomicOrdersHold(resolveProposal(freeRef.proposal), [
      [...MIGRATED('PRIVATE'), MUNMAP, MEMUNMAP],
      [...MIGRATED('PRIVATE'), MEMUNMAP, MUNMAP],
    ]);
  });
});
