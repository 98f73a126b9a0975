// The interleaving point past migrate_vma_setup: a driver migration started
// as a thread whose migrate_device_unmap (try_to_migrate) made another
// process's mapping of a collected page a migration entry pauses once
// migrate_vma_setup returned, before the driver's copy and
// migrate_vma_pages. Meanwhile another process's fork, mmap, mprotect,
// munmap, exit and madvise(MADV_DONTNEED) run, and CPU accesses and GUP
// that neither fault on a migration entry nor fall in the range; a fork
// copies the migration entry into the child (copy_nonpresent_pte) and
// remove_migration_ptes' rmap walk rebuilds it too. The mutant that rebuilds only the entries the migration installed
// leaves the child's standing.
import { describe, expect, it } from 'vitest';
import installed from '../../models/mutants/hook-remove-migration-ptes.ts';
import type { Step } from '../../models/ops.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { createPair } from '../../src/runner/create-pair.ts';
import { atomicOrdersHold, resume, runPaused, start } from './fixtures/run-paused.ts';

const s = (op: string, args: object): Step => ({ op, args }) as Step;
const POINT = 'migrate_vma_setup: migrate_device_unmap';
const COLLECT = 'migrate_vma_collect_pmd: pte_unmap_unlock';
const FINALIZE = 'migrate_device_finalize: folio_putback_lru';

const PRIVATE = s('memremap_pages', { type: 'PRIVATE', owner: 'dmirror0', npages: 1 });
const MMAP = s('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
const WRITE = s('cpu_write', { proc: 'p0', vpn: 0, value: 4 });
const FORK = s('fork', { proc: 'p0' });
const BEFORE = [PRIVATE, MMAP, WRITE, FORK];
const MIGRATE = s('migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' });
const FORK_P1 = s('fork', { proc: 'p1' });
const READ_P2 = s('cpu_read', { proc: 'p2', vpn: 0 });
const MUNMAP_P1 = s('munmap', { proc: 'p1', vpn: 0, npages: 1 });
const DONTNEED_P1 = s('madvise_dontneed', { proc: 'p1', vpn: 0, npages: 1 });
const READ_P1 = s('cpu_read', { proc: 'p1', vpn: 0 });

describe('migrate_vma_setup past migrate_device_unmap as an interleaving point', () => {
  for (const name of ['upstream', 'v6.1']) {
    it(`${name}: a fork, munmap or madvise of the other process meanwhile; the child's entry is rebuilt too`, () => {
      const forked = runPaused(resolveBuiltin(name), BEFORE, MIGRATE, [FORK_P1, READ_P1], POINT);
      expect(forked.earlier).toEqual([COLLECT]);
      expect(forked.paused).toBe(POINT);
      expect(forked.waited).toEqual(['cpu_read']);
      expect(forked.ran).toEqual([{ child: 'p2' }]);
      expect(forked.later).toEqual([FINALIZE]);
      expect(forked.findings).toEqual([]);
      // The child reads the value from the device page the migration gave it.
      const r = forked.pair.step(READ_P2);
      expect(r.kernel?.result).toEqual({ value: 4 });
      expect(r.refinement).toBeUndefined();
      for (const zap of [MUNMAP_P1, DONTNEED_P1]) {
        const zapped = runPaused(resolveBuiltin(name), BEFORE, MIGRATE, [zap], POINT);
        expect(zapped.paused).toBe(POINT);
        expect(zapped.ran).toEqual([{}]);
        expect(zapped.findings).toEqual([]);
      }
    });
  }

  it("upstream: another process's fork, mmap, mprotect, munmap, exit and madvise run, and accesses off migration entries and the range", () => {
    const pair = createPair(resolveBuiltin('upstream'));
    for (const step of [...BEFORE, s('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' })]) pair.step(step);
    expect(pair.step(start(MIGRATE)).paused).toBe(COLLECT);
    expect(pair.step(resume(MIGRATE)).paused).toBe(POINT);
    const elsewhere = [s('cpu_write', { proc: 'p0', vpn: 1, value: 2 }), s('cpu_read', { proc: 'p0', vpn: 1 }), s('get_user_pages', { proc: 'p0', vpn: 1, write: true, fast: false })];
    const others = [
      FORK_P1,
      MUNMAP_P1,
      DONTNEED_P1,
      s('exit', { proc: 'p1' }),
      s('mprotect', { proc: 'p1', vpn: 0, npages: 1, prot: 'read' }),
      s('mmap', { proc: 'p1', npages: 1, kind: 'anon', shared: false, prot: 'write' }),
    ];
    for (const step of [...others, ...elsewhere]) expect(pair.blockedBy(step)).toBeUndefined();
    // A fault on a migration entry (p1's), the migrating range, the driver's own mm's writers, everything else.
    const waits = [READ_P1, s('cpu_read', { proc: 'p0', vpn: 0 }), FORK, s('munmap', { proc: 'p0', vpn: 0, npages: 1 }), s('get_user_pages', { proc: 'p1', vpn: 0, write: false, fast: false })];
    for (const step of waits) expect(pair.blockedBy(step)).toBe('t1');
    // The accesses elsewhere run and see their own page.
    for (const step of elsewhere) expect(pair.step(step).refinement).toBeUndefined();
  });

  it('no pause when the migrating process maps the page alone', () => {
    const alone = runPaused(resolveBuiltin('upstream'), [PRIVATE, MMAP, WRITE], MIGRATE, [], POINT);
    expect(alone.earlier).toEqual([COLLECT, FINALIZE]);
    expect(alone.paused).toBeUndefined();
    expect(alone.findings).toEqual([]);
  });

  it('hook-remove-migration-ptes: the child of a fork meanwhile is left with a migration entry', () => {
    const proposal = resolveProposal(installed.proposal);
    const forked = runPaused(proposal, BEFORE, MIGRATE, [FORK_P1], POINT);
    expect(forked.paused).toBe(POINT);
    // At the migration's end the child's PTE is a migration entry left standing: no order of the fork and the migration gives that.
    expect(forked.findings).toContainEqual(expect.stringMatching(/^refinement: not linearizable: .*procs\.p2\.ptes\.0: kernel absent/));
    // The child's read faults on it: SIGBUS, where the reference reads the value.
    expect(forked.pair.step(READ_P2).kernel?.result).toEqual({ signal: 'SIGBUS' });
    // Atomically the installed entries are every entry: every order holds.
    atomicOrdersHold(proposal, [
      [...BEFORE, MIGRATE, FORK_P1, READ_P2],
      [...BEFORE, FORK_P1, MIGRATE, READ_P2],
    ]);
  });
});
