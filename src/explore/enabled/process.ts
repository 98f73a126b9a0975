// Enabled process steps (src/check/commands/process.ts is their random
// counterpart): mmap of every kind, size, sharing and protection (a second
// mapping of each existing file, a dax mapping of each DAX-kind pgmap),
// munmap, mprotect and madvise(MADV_DONTNEED) of every range, CPU accesses
// at every vpn, fork while fewer than `procs` processes live, exit of any
// but the last.
import type { Step } from '../../../models/ops.ts';
import type { Prot } from '../../../models/vocabulary.ts';
import { step } from '../../check/command-spec.ts';
import { fileFiles, pgmaps } from '../../check/handles.ts';
import { type Domain, rangesAt } from '../domain.ts';

const PROTS: readonly Prot[] = ['write', 'read', 'none'];

export function mmap(d: Domain): Step[] {
  const out: Step[] = [];
  for (const proc of d.procs) {
    for (const npages of d.sizes) {
      for (const prot of PROTS) {
        for (const kind of ['anon', 'shmem', 'file'] as const) for (const shared of [false, true]) out.push(step('mmap', { proc, npages, kind, shared, prot }));
        for (const file of fileFiles(d.s)) for (const shared of [false, true]) out.push(step('mmap', { proc, npages, kind: 'file', shared, prot, file }));
        for (const pgmap of pgmaps(d.s, { mapBy: 'dax-mmap', alive: true })) {
          const size = d.s.pgmaps[pgmap]?.npages ?? 0;
          if (npages <= size) out.push(step('mmap', { proc, npages, kind: 'dax', shared: true, prot, pgmap }));
        }
      }
    }
  }
  return out;
}

export const munmap = (d: Domain): Step[] => d.vpns.flatMap(({ proc, p, vpn }) => rangesAt(d, p, vpn).map((npages) => step('munmap', { proc, vpn, npages })));

export const mprotect = (d: Domain): Step[] => d.vpns.flatMap(({ proc, p, vpn }) => rangesAt(d, p, vpn).flatMap((npages) => PROTS.map((prot) => step('mprotect', { proc, vpn, npages, prot }))));

export const madvise_dontneed = (d: Domain): Step[] => d.vpns.flatMap(({ proc, p, vpn }) => rangesAt(d, p, vpn).map((npages) => step('madvise_dontneed', { proc, vpn, npages })));

export const cpu_read = (d: Domain): Step[] => d.vpns.map(({ proc, vpn }) => step('cpu_read', { proc, vpn }));

export const cpu_write = (d: Domain): Step[] => d.vpns.flatMap(({ proc, vpn }) => d.values.map((value) => step('cpu_write', { proc, vpn, value })));

export const fork = (d: Domain): Step[] => (d.procs.length >= d.bounds.procs ? [] : d.procs.map((proc) => step('fork', { proc })));

export const exit = (d: Domain): Step[] => (d.procs.length < 2 ? [] : d.procs.map((proc) => step('exit', { proc })));

export const move_pages = (d: Domain): Step[] => d.vpns.flatMap(({ proc, vpn }) => [false, true].map((moveAll) => step('move_pages', { proc, vpn, moveAll })));
