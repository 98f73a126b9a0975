// The interleaving point in __gup_longterm_locked between two rounds: a
// long-term pin_user_pages of a MEMORY_DEVICE_COHERENT page started as a
// thread pauses once migrate_longterm_unpinnable_folios moved the page
// (-EAGAIN, the pin dropped), before the next round walks the page tables
// again. While it is paused only its process's exit waits — and, when the
// caller holds the mmap_lock across the rounds (plain pin_user_pages), that
// mm's writers. The mutant that pins the migration's destination instead
// of walking again pins a page the address no longer maps.
import { describe, expect, it } from 'vitest';
import destination from '../../models/mutants/hook-longterm-pin-destination.ts';
import type { Step } from '../../models/ops.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { createPair } from '../../src/runner/create-pair.ts';
import { atomicOrdersHold, runPaused, start } from './fixtures/run-paused.ts';

const s = (op: string, args: object): Step => ({ op, args }) as Step;
const POINT = '__gup_longterm_locked: migrate_longterm_unpinnable_folios';

const COHERENT = s('memremap_pages', { type: 'COHERENT', owner: 'dmirror0', npages: 1 });
const MMAP = s('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
const WRITE = s('cpu_write', { proc: 'p0', vpn: 0, value: 4 });
const MIGRATE = s('migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' });
const BEFORE = [COHERENT, MMAP, WRITE, MIGRATE];
const pin = (fast: boolean) => s('pin_user_pages', { proc: 'p0', vpn: 0, write: true, longterm: true, fast });
const MUNMAP = s('munmap', { proc: 'p0', vpn: 0, npages: 1 });
const DONTNEED = s('madvise_dontneed', { proc: 'p0', vpn: 0, npages: 1 });
const FORK = s('fork', { proc: 'p0' });
const WRITE_AGAIN = s('cpu_write', { proc: 'p0', vpn: 0, value: 5 });
const EXIT = s('exit', { proc: 'p0' });

describe('__gup_longterm_locked between two rounds as an interleaving point', () => {
  for (const name of ['upstream', 'v6.1']) {
    it(`${name}: the next round pins the copy the address maps, whatever ran in between`, () => {
      const plain = runPaused(resolveBuiltin(name), BEFORE, pin(false));
      expect(plain.paused).toBe(POINT);
      expect(plain.result).toEqual({ pin: 'pin0' });
      expect(plain.findings).toEqual([]);
      // Zapped meanwhile: the next round faults a new page in and pins it.
      const zapped = runPaused(resolveBuiltin(name), BEFORE, pin(false), [DONTNEED]);
      expect(zapped.ran).toEqual([{}]);
      expect(zapped.result).toEqual({ pin: 'pin0' });
      expect(zapped.findings).toEqual([]);
      // The fast form falls back and pauses here after gup_fast_pte_range's point; a fork and a COW meanwhile.
      const forked = runPaused(resolveBuiltin(name), BEFORE, pin(true), [FORK, WRITE_AGAIN], POINT);
      expect(forked.earlier).toEqual(['gup_fast_pte_range: ptep_get_lockless']);
      expect(forked.paused).toBe(POINT);
      expect(forked.ran).toEqual([{ child: 'p1' }, {}]);
      expect(forked.result).toEqual({ pin: 'pin0' });
      expect(forked.findings).toEqual([]);
    });
  }

  it('upstream: the fast form drops the mmap_lock between the rounds; plain pin_user_pages holds it', () => {
    for (const fast of [false, true]) {
      const pair = createPair(resolveBuiltin('upstream'));
      for (const step of BEFORE) pair.step(step);
      let r = pair.step(start(pin(fast)));
      if (fast) r = pair.step({ ...pin(fast), thread: { id: 't1', kind: 'resume' } });
      expect(r.paused).toBe(POINT);
      expect(pair.blockedBy(EXIT)).toBe('t1');
      expect(pair.blockedBy(MUNMAP)).toBe(fast ? undefined : 't1');
      expect(pair.blockedBy(FORK)).toBe(fast ? undefined : 't1');
      expect(pair.blockedBy(DONTNEED)).toBeUndefined();
      expect(pair.blockedBy(WRITE_AGAIN)).toBeUndefined();
    }
  });

  it('no pause when nothing is migrated: a system page, or a device-private page GUP faults back first', () => {
    const system = runPaused(resolveBuiltin('upstream'), [MMAP, WRITE], pin(false));
    expect(system.paused).toBeUndefined();
    expect(system.findings).toEqual([]);
  });

  it('hook-longterm-pin-destination: the pin lands on a page the address no longer maps', () => {
    const proposal = resolveProposal(destination.proposal);
    const zapped = runPaused(proposal, BEFORE, pin(false), [DONTNEED]);
    expect(zapped.paused).toBe(POINT);
    expect(zapped.findings).toContainEqual(expect.stringMatching(/^gup-contract: handle-mapped: /));
    const unmapped = runPaused(proposal, BEFORE, pin(true), [MUNMAP], POINT);
    expect(unmapped.paused).toBe(POINT);
    expect(unmapped.findings).toContainEqual(expect.stringMatching(/^gup-contract: handle-mapped: /));
    const forked = runPaused(proposal, BEFORE, pin(true), [FORK, WRITE_AGAIN], POINT);
    expect(forked.findings).toContainEqual(expect.stringMatching(/^gup-contract: handle-mapped: /));
    // Atomically the destination is the copy the PTE maps: every order holds.
    atomicOrdersHold(proposal, [
      [...BEFORE, pin(false), DONTNEED],
      [...BEFORE, DONTNEED, pin(false)],
      [...BEFORE, pin(true), FORK, WRITE_AGAIN],
      [...BEFORE, FORK, WRITE_AGAIN, pin(true)],
    ]);
  });
});
