// HMM_DMIRROR_CHECK_EXCLUSIVE (lib/test_hmm.c: dmirror_check_atomic):
// -EPERM while any page of the range is still device-exclusive for this
// device (docs §1). No VMA checks.
import { EINVAL, ESRCH, procOf, rangeOf, validRange } from '../handles.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';

export const checkExclusive: OpSpec<'check_exclusive'> = (era, state, args) =>
  deterministic<'check_exclusive'>(era, state, (ctx) => {
    const proc = procOf(ctx, args.proc);
    if (!proc) return ESRCH;
    if (!validRange(args.npages)) return EINVAL;
    const held = rangeOf(args.vpn, args.npages).some((vpn) => {
      const pte = proc.ptes[vpn];
      return pte?.kind === 'device-exclusive' && pte.owner === args.owner;
    });
    return held ? { errno: 'EPERM' } : {};
  });
