// Fault injection (lib/test_hmm.c HMM_DMIRROR_FLAG_FAIL_ALLOC for device
// pages; fail_page_alloc for system RAM): the next allocation of that kind
// fails once (docs §5).
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';

export const failNextAlloc: OpSpec<'fail_next_alloc'> = (era, state, args) =>
  deterministic<'fail_next_alloc'>(era, state, (ctx) => {
    ctx.s.failNextAlloc[args.where] = true;
    return {};
  });
