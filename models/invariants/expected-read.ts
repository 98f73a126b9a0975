// Ghost semantics of data-preserved: what a CPU read of a virtual page must
// return — the last value written to it (privately, or through any shared
// mapping of the same file page), 0 if never written.
import type { AbsProc, AbsState, AbsVma } from '../state.ts';
import type { Vpn } from '../vocabulary.ts';

export function vmaAt(proc: AbsProc, vpn: Vpn): AbsVma | undefined {
  return proc.vmas.find((v) => vpn >= v.start && vpn < v.start + v.npages);
}

/** The file index a vpn of a file/shmem/dax VMA maps. */
export const fileIndex = (vma: AbsVma, vpn: Vpn): number => vpn - vma.start + vma.pgoff;

export function expectedData(state: AbsState, proc: AbsProc, vpn: Vpn): number {
  const vma = vmaAt(proc, vpn);
  if (!vma) return 0;
  if (!vma.shared && proc.written[vpn] !== undefined) return proc.written[vpn];
  if (vma.file === null) return 0;
  return state.files[vma.file]?.written[fileIndex(vma, vpn)] ?? 0;
}
