// mm/hmm.c: hmm_vma_walk_test / hmm_pte_need_fault as the HMM test driver
// sees them, checked for the whole range before anything changes: no VMA or
// PROT_NONE → -EFAULT; a write requested on a read-only VMA → -EPERM. The
// first offending vpn decides.
import type { AbsProc } from '../../state.ts';
import type { Errno, Vpn } from '../../vocabulary.ts';
import { vmasOfRange } from '../handles.ts';

export function hmmVmaCheck(proc: AbsProc, vpn: Vpn, npages: number, write: boolean): Errno | null {
  for (const vma of vmasOfRange(proc, vpn, npages)) {
    if (vma === undefined || vma.prot === 'none') return 'EFAULT';
    if (write && vma.prot !== 'write') return 'EPERM';
  }
  return null;
}
