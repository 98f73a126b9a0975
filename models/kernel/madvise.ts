// madvise(MADV_DONTNEED) (mm/madvise.c): drop the pages of a range and keep
// its VMAs.
import type { OpArgs, OpResult } from '../ops.ts';
import { EINVAL, ESRCH, getProc, npagesOk, vpnOk } from './handles.ts';
import type { KernelState } from './kstate.ts';
import { zap_pte_range } from './zap.ts';

/**
 * madvise_walk_vmas → madvise_dontneed_free → madvise_dontneed_single_vma →
 * zap_page_range_single, one VMA at a time, under mmap_read_lock: every PTE
 * of the part of the range a VMA covers is cleared (zap_pte_range: present,
 * device-private, device-exclusive, migration and hwpoison entries alike)
 * and the mapping references put. A private vpn then reads zero or its file
 * page again (the ghost forgets it, as munmap's does); a shared one keeps its
 * data in the file. A part of the range no VMA covers is skipped and the
 * call returns ENOMEM at the end (unmapped_error), the rest applied.
 */
export function madvise_dontneed(k: KernelState, a: OpArgs['madvise_dontneed']): OpResult<'madvise_dontneed'> {
  const p = getProc(k, a.proc);
  if (!p) return ESRCH;
  if (!npagesOk(a.npages) || !vpnOk(a.vpn)) return EINVAL;
  const end = a.vpn + a.npages;
  let mapped = 0;
  for (const v of [...p.vmas].sort((x, y) => x.start - y.start)) {
    const lo = Math.max(v.start, a.vpn);
    const hi = Math.min(v.start + v.npages, end);
    if (lo >= hi) continue;
    zap_pte_range(k, p, lo, hi);
    k.ghost.unmap(p.num, lo, hi - lo);
    mapped += hi - lo;
  }
  return mapped === a.npages ? {} : { errno: 'ENOMEM' };
}
