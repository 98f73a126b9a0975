// HMM_DMIRROR_EXCLUSIVE (lib/test_hmm.c: dmirror_exclusive) →
// mm/rmap.c: make_device_exclusive per page: fault the page in writable
// (get_user_pages_remote with FOLL_WRITE), then replace the CPU PTE with a
// device-exclusive entry for `owner`; then read the range back (docs §1).
import { EINVAL, ESRCH, frameOf, procOf, rangeOf, validRange } from '../handles.ts';
import { writableProc } from '../draft.ts';
import { getUserPage } from '../mm/get-user-pages.ts';
import { hmmVmaCheck } from '../mm/hmm-vma-check.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';

export const makeDeviceExclusive: OpSpec<'make_device_exclusive'> = (era, state, args) =>
  deterministic<'make_device_exclusive'>(era, state, (ctx) => {
    const proc = procOf(ctx, args.proc);
    if (!proc) return ESRCH;
    if (!validRange(args.npages) || !era.deviceExclusive) return EINVAL;
    const vmaErr = hmmVmaCheck(proc, args.vpn, args.npages, true);
    if (vmaErr) return { errno: vmaErr };
    const data: number[] = [];
    for (const vpn of rangeOf(args.vpn, args.npages)) {
      // The fault goes through GUP, so its errors are GUP's errnos.
      const page = getUserPage(ctx, args.proc, vpn, true);
      if (!page.ok) return { errno: page.errno };
      const frame = frameOf(ctx, page.pfn);
      // Only anonymous system RAM can be made exclusive (folio_test_anon,
      // not ZONE_DEVICE); earlier pages keep their change.
      if (!frame.anon || frame.pgmap !== null) return { errno: 'EOPNOTSUPP' };
      // The entry keeps the mapping's map count and reference.
      writableProc(ctx, args.proc).ptes[vpn] = { kind: 'device-exclusive', pfn: page.pfn, write: true, owner: args.owner };
      data.push(frame.data);
    }
    return { cpages: args.npages, data };
  });
