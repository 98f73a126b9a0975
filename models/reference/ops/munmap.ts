// mm/mmap.c: munmap → do_vmi_munmap (docs §2). Ranges with no VMA are fine.
import { EINVAL, ESRCH, procOf, validRange } from '../handles.ts';
import { doVmiMunmap } from '../mm/do-vmi-munmap.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';

export const munmap: OpSpec<'munmap'> = (era, state, args) =>
  deterministic<'munmap'>(era, state, (ctx) => {
    if (!procOf(ctx, args.proc)) return ESRCH;
    if (!validRange(args.npages)) return EINVAL;
    doVmiMunmap(ctx, args.proc, args.vpn, args.npages);
    return {};
  });
