// mm/madvise.c: madvise(MADV_DONTNEED) (docs §2). The mapped part of the
// range loses its pages and keeps its VMAs: a private vpn reads zero, or its
// file page, again; a shared one still sees its file. A part no VMA covers
// makes the call fail with ENOMEM once the rest is done.
import { EINVAL, ESRCH, procOf, rangeOf, validRange, vmasOfRange } from '../handles.ts';
import { writableProc } from '../draft.ts';
import { zapPteRange } from '../mm/zap-pte-range.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';

export const madviseDontneed: OpSpec<'madvise_dontneed'> = (era, state, args) =>
  deterministic<'madvise_dontneed'>(era, state, (ctx) => {
    const proc = procOf(ctx, args.proc);
    if (!proc) return ESRCH;
    if (!validRange(args.npages)) return EINVAL;
    const vmas = vmasOfRange(proc, args.vpn, args.npages);
    zapPteRange(ctx, args.proc, args.vpn, args.npages);
    const w = writableProc(ctx, args.proc);
    for (const v of rangeOf(args.vpn, args.npages)) delete w.written[v];
    return vmas.some((v) => v === undefined) ? { errno: 'ENOMEM' } : {};
  });
