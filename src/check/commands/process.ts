// Process commands (DESIGN §2): the address space and CPU accesses.
import fc from 'fast-check';
import { command, step } from '../command-spec.ts';
import { mmapFirst } from './prerequisite.ts';
import { biased, index, mmapKind, npages, prefer, prot, value } from '../choices.ts';
import { clampToVma, fileFiles, liveProcs, pgmaps, pick, pickProcVpn } from '../handles.ts';

export const mmap = command({
  op: 'mmap',
  choices: (era) => fc.record({ proc: index(), npages: npages(), kind: mmapKind(era), shared: biased(1, 4), prot: prot(), pgmap: index(), reuseFile: biased(1, 2) }),
  resolve: (c, s) => {
    const proc = pick(liveProcs(s), c.proc);
    if (proc === undefined) return undefined;
    if (c.kind === 'dax') {
      // A dax mapping needs a DAX-kind pgmap, must be shared and fit in it.
      const pgmap = pick(pgmaps(s, { mapBy: 'dax-mmap', alive: true }), c.pgmap);
      const size = pgmap === undefined ? 0 : (s.pgmaps[pgmap]?.npages ?? 0);
      if (pgmap === undefined) return undefined;
      return step('mmap', { proc, npages: Math.min(c.npages, size), kind: 'dax', shared: true, prot: c.prot, pgmap });
    }
    // A second mapping of an existing file shares its page cache.
    const file = c.kind === 'file' && c.reuseFile ? pick(fileFiles(s), c.pgmap) : undefined;
    const args = { proc, npages: c.npages, kind: c.kind, shared: c.shared, prot: c.prot };
    return step('mmap', file === undefined ? args : { ...args, file });
  },
});

const rangeChoices = () => fc.record({ proc: index(), vpn: index(), npages: npages(), prefer: prefer(), prot: prot() });

export const munmap = command({
  op: 'munmap',
  choices: rangeChoices,
  resolve: (c, s) => {
    const at = pickProcVpn(s, c.proc, 'any', c.vpn);
    return at === undefined ? undefined : step('munmap', { proc: at.proc, vpn: at.vpn, npages: clampToVma(at.p, at.vpn, c.npages) });
  },
});

export const mprotect = command({
  op: 'mprotect',
  choices: rangeChoices,
  resolve: (c, s) => {
    const at = pickProcVpn(s, c.proc, c.prefer, c.vpn);
    return at === undefined ? mmapFirst(s, c.proc, 2) : step('mprotect', { proc: at.proc, vpn: at.vpn, npages: clampToVma(at.p, at.vpn, c.npages), prot: c.prot });
  },
});

export const madvise_dontneed = command({
  op: 'madvise_dontneed',
  choices: rangeChoices,
  resolve: (c, s) => {
    const at = pickProcVpn(s, c.proc, c.prefer, c.vpn);
    return at === undefined ? mmapFirst(s, c.proc, 2) : step('madvise_dontneed', { proc: at.proc, vpn: at.vpn, npages: clampToVma(at.p, at.vpn, c.npages) });
  },
});

export const cpu_read = command({
  op: 'cpu_read',
  choices: () => fc.record({ proc: index(), vpn: index(), prefer: prefer() }),
  resolve: (c, s) => {
    const at = pickProcVpn(s, c.proc, c.prefer, c.vpn);
    return at === undefined ? mmapFirst(s, c.proc, 2) : step('cpu_read', { proc: at.proc, vpn: at.vpn });
  },
});

export const cpu_write = command({
  op: 'cpu_write',
  choices: () => fc.record({ proc: index(), vpn: index(), prefer: prefer(), value: value() }),
  resolve: (c, s) => {
    const at = pickProcVpn(s, c.proc, c.prefer, c.vpn);
    return at === undefined ? mmapFirst(s, c.proc, 2) : step('cpu_write', { proc: at.proc, vpn: at.vpn, value: c.value });
  },
});

// A bound on live processes keeps states small: fork-bombs add nothing the
// first child does not already show.
const MAX_PROCS = 4;

export const fork = command({
  op: 'fork',
  choices: () => fc.record({ proc: index() }),
  resolve: (c, s) => {
    const procs = liveProcs(s);
    const proc = procs.length >= MAX_PROCS ? undefined : pick(procs, c.proc);
    return proc && step('fork', { proc });
  },
});

export const exit = command({
  op: 'exit',
  choices: () => fc.record({ proc: index() }),
  resolve: (c, s) => {
    // The last process stays: with none left almost every command is skipped.
    const procs = liveProcs(s);
    const proc = procs.length < 2 ? undefined : pick(procs, c.proc);
    return proc && step('exit', { proc });
  },
});

// move_pages of one page (mm/migrate.c do_pages_move): mostly a mapped page,
// now and then with MPOL_MF_MOVE_ALL so a page shared after fork moves too.
export const move_pages = command({
  op: 'move_pages',
  choices: () => fc.record({ proc: index(), vpn: index(), prefer: prefer(), moveAll: biased(1, 2) }),
  resolve: (c, s) => {
    const at = pickProcVpn(s, c.proc, c.prefer, c.vpn);
    return at === undefined ? mmapFirst(s, c.proc, 2) : step('move_pages', { proc: at.proc, vpn: at.vpn, moveAll: c.moveAll });
  },
});
