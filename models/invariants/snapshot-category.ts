// What the HMM test driver's SNAPSHOT must report for one page
// (lib/test_hmm.c dmirror_mkentry over hmm_range_fault without faulting;
// the categories the kernel's HMM selftests assert): ERROR without an
// accessible VMA, NONE for what the device cannot use in place (no PTE,
// another owner's device-private entry since owner checks exist,
// device-exclusive and hwpoison entries), ZERO|READ for the zero page, else
// the page's kind — device-private or device-coherent, local or remote by
// pgmap->owner, plain for system RAM and DAX — with READ or WRITE from the
// entry's write bit.
import type { AbsState } from '../state.ts';
import type { Era } from '../eras/era.ts';
import { HMM_DMIRROR_PROT, type ProcId, type Vpn, ZERO_PFN } from '../vocabulary.ts';
import { vmaAt } from './expected-read.ts';
import { typeClass } from './type-class.ts';

export function snapshotCategory(era: Era, state: AbsState, proc: ProcId, vpn: Vpn, owner: string): number {
  const p = state.procs[proc];
  const vma = p ? vmaAt(p, vpn) : undefined;
  if (!p || !vma || vma.prot === 'none') return HMM_DMIRROR_PROT.ERROR;
  const pte = p.ptes[vpn];
  const frame = pte ? state.frames[pte.pfn] : undefined;
  if (!pte || !frame || pte.kind === 'device-exclusive' || pte.kind === 'hwpoison') return HMM_DMIRROR_PROT.NONE;
  const pgmapOwner = frame.pgmap === null ? null : (state.pgmaps[frame.pgmap]?.owner ?? null);
  const local = pgmapOwner === owner;
  if (pte.kind === 'device-private' && era.ownerChecks && !local) return HMM_DMIRROR_PROT.NONE;
  if (pte.pfn === ZERO_PFN) return HMM_DMIRROR_PROT.ZERO | HMM_DMIRROR_PROT.READ;
  const perm = pte.write ? HMM_DMIRROR_PROT.WRITE : HMM_DMIRROR_PROT.READ;
  const cls = typeClass(frame.type);
  if (cls === 'device-private') return perm | (local ? HMM_DMIRROR_PROT.DEV_PRIVATE_LOCAL : HMM_DMIRROR_PROT.DEV_PRIVATE_REMOTE);
  if (cls === 'device-coherent') return perm | (local ? HMM_DMIRROR_PROT.DEV_COHERENT_LOCAL : HMM_DMIRROR_PROT.DEV_COHERENT_REMOTE);
  return perm;
}
