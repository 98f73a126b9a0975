// VMA helpers: lookup (find_vma), the file index of a vpn (linear_page_index)
// and splitting (mm/vma.c: __split_vma).
import type { AbsProc, AbsVma } from '../../state.ts';
import type { Vpn } from '../../vocabulary.ts';
import type { Draft } from '../draft.ts';

export function vmaAt<P extends AbsProc | Draft<AbsProc>>(proc: P, vpn: Vpn): P['vmas'][number] | undefined {
  return proc.vmas.find((v) => vpn >= v.start && vpn < v.start + v.npages);
}

export const vmaEnd = (vma: AbsVma): Vpn => vma.start + vma.npages;

/** linear_page_index: the file index vpn maps in a file-backed VMA. */
export const linearPageIndex = (vma: AbsVma, vpn: Vpn): number => vpn - vma.start + vma.pgoff;

/**
 * __split_vma: if a VMA straddles `at`, cut it in two there. The upper part
 * keeps mapping the same file pages (pgoff advances); anonymous VMAs keep
 * pgoff 0 (the model's convention, state.ts). vmas stay sorted by start.
 */
export function splitVmaAt(proc: Draft<AbsProc>, at: Vpn): void {
  const i = proc.vmas.findIndex((v) => at > v.start && at < vmaEnd(v));
  if (i < 0) return;
  const vma = proc.vmas[i]!;
  const lowerPages = at - vma.start;
  const upper: Draft<AbsVma> = {
    ...vma,
    start: at,
    npages: vma.npages - lowerPages,
    pgoff: vma.file === null ? 0 : vma.pgoff + lowerPages,
  };
  vma.npages = lowerPages;
  proc.vmas.splice(i + 1, 0, upper);
}

/** Split so that [vpn, vpn + npages) is covered by whole VMAs. */
export function splitVmasAround(proc: Draft<AbsProc>, vpn: Vpn, npages: number): void {
  splitVmaAt(proc, vpn);
  splitVmaAt(proc, vpn + npages);
}
