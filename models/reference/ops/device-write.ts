// HMM_DMIRROR_WRITE (lib/test_hmm.c: dmirror_write → hmm_range_fault(
// REQ_FAULT | REQ_WRITE)): per page a write fault exactly as cpu_write takes
// it, except that a writable device-private entry of this owner is written
// in place; then the value is stored (docs §1).
import { EINVAL, ESRCH, procOf, rangeOf, validRange } from '../handles.ts';
import { copyToPage } from '../mm/copy-to-page.ts';
import { hmmRangeFaultPage } from '../mm/hmm-range-fault-page.ts';
import { hmmVmaCheck } from '../mm/hmm-vma-check.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';

export const deviceWrite: OpSpec<'device_write'> = (era, state, args) =>
  deterministic<'device_write'>(era, state, (ctx) => {
    const proc = procOf(ctx, args.proc);
    if (!proc) return ESRCH;
    if (!validRange(args.npages) || args.data.length !== args.npages) return EINVAL;
    const vmaErr = hmmVmaCheck(proc, args.vpn, args.npages, true);
    if (vmaErr) return { errno: vmaErr };
    for (const [i, vpn] of rangeOf(args.vpn, args.npages).entries()) {
      const pfn = hmmRangeFaultPage(ctx, args.proc, vpn, args.owner, true);
      if (pfn === null) return { errno: 'EFAULT' };
      copyToPage(ctx, args.proc, vpn, pfn, args.data[i]!);
    }
    return { cpages: args.npages, faults: 1 };
  });
