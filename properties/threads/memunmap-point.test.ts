// The interleaving point in memunmap_pages past wait_for_completion: the
// driver's teardown of a pgmap started as a thread pauses once the wait for
// the pgmap's users returned, before pageunmap_range. While it is paused,
// the driver's other teardown calls on that pgmap (memunmap_pages,
// migrate_device_range) wait; everything else runs — and in the kernel's
// order (percpu_ref_kill before the wait) nothing can take a reference of
// the dying pgmap, so a migration to it is refused. The mutant that
// kills pgmap->ref only after the wait lets a migration take a page in
// between, which pageunmap_range then removes in use.
import { describe, expect, it } from 'vitest';
import memunmapKill from '../../models/mutants/hook-memunmap-pages-kill.ts';
import type { Step } from '../../models/ops.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { createPair } from '../../src/runner/create-pair.ts';
import { atomicOrdersHold, runPaused, start } from './fixtures/run-paused.ts';

const s = (op: string, args: object): Step => ({ op, args }) as Step;
const POINT = 'memunmap_pages: wait_for_completion';

const PRIVATE = s('memremap_pages', { type: 'PRIVATE', owner: 'dmirror0', npages: 1 });
const MMAP = s('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
const WRITE = s('cpu_write', { proc: 'p0', vpn: 0, value: 4 });
const MIGRATE = s('migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' });
const MEMUNMAP = s('memunmap_pages', { pgmap: 'pgmap0' });
const EVICT = s('migrate_device_range', { pgmap: 'pgmap0', index: 0, npages: 1 });
const READ = s('cpu_read', { proc: 'p0', vpn: 0 });

describe('memunmap_pages past wait_for_completion as an interleaving point', () => {
  for (const name of ['upstream', 'v6.1']) {
    it(`${name}: a migration to the dying pgmap meanwhile is refused; the teardown completes with nothing in use`, () => {
      const r = runPaused(resolveBuiltin(name), [PRIVATE, MMAP, WRITE], MEMUNMAP, [MIGRATE, READ, MEMUNMAP, EVICT]);
      expect(r.paused).toBe(POINT);
      // percpu_ref_kill ran before the wait: the driver refuses a dying pgmap (dmirror_migrate_args), the page stays.
      expect(r.ran).toEqual([{ errno: 'EINVAL' }, { value: 4 }]);
      expect(r.waited).toEqual(['memunmap_pages', 'migrate_device_range']);
      expect(r.result).toEqual({});
      expect(r.findings).toEqual([]);
      // Removed: the next teardown is -EINVAL.
      expect(r.pair.step(MEMUNMAP).kernel?.result).toEqual({ errno: 'EINVAL' });
    });

    it(`${name}: no pause when a page is in use (EBUSY, killed) or the pgmap is gone (EINVAL)`, () => {
      const busy = runPaused(resolveBuiltin(name), [PRIVATE, MMAP, WRITE, MIGRATE], MEMUNMAP);
      expect(busy.paused).toBeUndefined();
      expect(busy.findings).toEqual([]);
      expect(busy.pair.kernelView().pgmapRefs.pgmap0).toBe(1);
      const gone = runPaused(resolveBuiltin(name), [PRIVATE, MEMUNMAP], MEMUNMAP);
      expect(gone.paused).toBeUndefined();
      expect(gone.findings).toEqual([]);
    });
  }

  it('upstream: only the teardown calls of its own pgmap wait for it', () => {
    const pair = createPair(resolveBuiltin('upstream'));
    for (const step of [PRIVATE, s('memremap_pages', { type: 'COHERENT', owner: 'dmirror1', npages: 1 }), MMAP]) pair.step(step);
    expect(pair.step(start(MEMUNMAP)).paused).toBe(POINT);
    expect(pair.blockedBy(MEMUNMAP)).toBe('t1');
    expect(pair.blockedBy(EVICT)).toBe('t1');
    expect(pair.blockedBy(s('memunmap_pages', { pgmap: 'pgmap1' }))).toBeUndefined();
    expect(pair.blockedBy(s('migrate_device_range', { pgmap: 'pgmap1', index: 0, npages: 1 }))).toBeUndefined();
    expect(pair.blockedBy(s('migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap1' }))).toBeUndefined();
    expect(pair.blockedBy(MIGRATE)).toBeUndefined();
  });

  it('hook-memunmap-pages-kill: a migration takes a page of the pgmap between the wait and the kill, and pageunmap_range removes it in use', () => {
    const proposal = resolveProposal(memunmapKill.proposal);
    const caught = runPaused(proposal, [PRIVATE, MMAP, WRITE], MEMUNMAP, [MIGRATE]);
    expect(caught.paused).toBe(POINT);
    expect(caught.ran).toEqual([{ cpages: 1, data: [4] }]);
    expect(caught.findings).toContainEqual(expect.stringMatching(/^no-use-after-free: removed-range: /));
    // Atomically the two orders are both fine: the race needs the pause.
    atomicOrdersHold(proposal, [
      [PRIVATE, MMAP, WRITE, MIGRATE, MEMUNMAP],
      [PRIVATE, MMAP, WRITE, MEMUNMAP, MIGRATE],
    ]);
  });
});
