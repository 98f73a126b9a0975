// mm/mprotect.c: mprotect_fixup + change_protection (docs §2). The range
// must be fully mapped (-ENOMEM otherwise); VMAs are split, never merged, in
// the model. Dropping write permission write-protects present and devmap
// entries; a device-private entry is made readable whatever the new
// protection (change_pte_range: "if (is_writable_device_private_entry(entry))
// ... make_readable_device_private_entry", no check of newprot — read in
// source); raising it makes no PTE writable — the next write fault does.
import { EINVAL, ESRCH, procOf, rangeOf, validRange, vmasOfRange } from '../handles.ts';
import { writableProc } from '../draft.ts';
import { splitVmasAround } from '../mm/vma.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';

export const mprotect: OpSpec<'mprotect'> = (era, state, args) =>
  deterministic<'mprotect'>(era, state, (ctx) => {
    const proc = procOf(ctx, args.proc);
    if (!proc) return ESRCH;
    if (!validRange(args.npages)) return EINVAL;
    if (vmasOfRange(proc, args.vpn, args.npages).some((v) => v === undefined)) return { errno: 'ENOMEM' };
    const w = writableProc(ctx, args.proc);
    splitVmasAround(w, args.vpn, args.npages);
    for (const vma of w.vmas) {
      if (vma.start >= args.vpn && vma.start + vma.npages <= args.vpn + args.npages) vma.prot = args.prot;
    }
    for (const vpn of rangeOf(args.vpn, args.npages)) {
      const pte = w.ptes[vpn];
      if (pte?.kind === 'device-private' || (args.prot !== 'write' && (pte?.kind === 'present' || pte?.kind === 'present-devmap'))) pte.write = false;
    }
    return {};
  });
