// HMM_DMIRROR_READ (lib/test_hmm.c: dmirror_read → dmirror_fault →
// hmm_range_fault(HMM_PFN_REQ_FAULT), dev_private_owner = owner): the
// device reads the range (docs §1). The model's device keeps no mirror, so
// every access is one hmm_range_fault round: faults = 1.
import { EINVAL, ESRCH, frameOf, procOf, rangeOf, validRange } from '../handles.ts';
import { hmmRangeFaultPage } from '../mm/hmm-range-fault-page.ts';
import { hmmVmaCheck } from '../mm/hmm-vma-check.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';

export const deviceRead: OpSpec<'device_read'> = (era, state, args) =>
  deterministic<'device_read'>(era, state, (ctx) => {
    const proc = procOf(ctx, args.proc);
    if (!proc) return ESRCH;
    if (!validRange(args.npages)) return EINVAL;
    const vmaErr = hmmVmaCheck(proc, args.vpn, args.npages, false);
    if (vmaErr) return { errno: vmaErr };
    const data: number[] = [];
    for (const vpn of rangeOf(args.vpn, args.npages)) {
      const pfn = hmmRangeFaultPage(ctx, args.proc, vpn, args.owner, false);
      // A fault error (hwpoison, no memory) is -EFAULT; earlier pages keep their changes.
      if (pfn === null) return { errno: 'EFAULT' };
      data.push(frameOf(ctx, pfn).data);
    }
    return { cpages: args.npages, faults: 1, data };
  });
