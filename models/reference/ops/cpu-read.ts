// A CPU load: mm/memory.c: handle_mm_fault for a read when needed (docs §2).
// No VMA or PROT_NONE: SIGSEGV (bad_area); any fault error: SIGBUS.
import { ESRCH, frameOf, procOf } from '../handles.ts';
import { handleMmFault } from '../mm/handle-mm-fault.ts';
import { vmaAt } from '../mm/vma.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';

export const cpuRead: OpSpec<'cpu_read'> = (era, state, args) =>
  deterministic<'cpu_read'>(era, state, (ctx) => {
    const proc = procOf(ctx, args.proc);
    if (!proc) return ESRCH;
    const vma = vmaAt(proc, args.vpn);
    if (vma === undefined || vma.prot === 'none') return { signal: 'SIGSEGV' };
    const r = handleMmFault(ctx, args.proc, args.vpn, false);
    if (!r.ok) return { signal: 'SIGBUS' };
    return { value: frameOf(ctx, r.pfn).data };
  });
