// A CPU store: mm/memory.c: handle_mm_fault for a write when needed
// (do_anonymous_page, do_fault, do_swap_page, do_wp_page), then the store
// (docs §2). No VMA or no PROT_WRITE: SIGSEGV; any fault error: SIGBUS.
import { ESRCH, procOf } from '../handles.ts';
import { copyToPage } from '../mm/copy-to-page.ts';
import { handleMmFault } from '../mm/handle-mm-fault.ts';
import { vmaAt } from '../mm/vma.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';

export const cpuWrite: OpSpec<'cpu_write'> = (era, state, args) =>
  deterministic<'cpu_write'>(era, state, (ctx) => {
    const proc = procOf(ctx, args.proc);
    if (!proc) return ESRCH;
    const vma = vmaAt(proc, args.vpn);
    if (vma === undefined || vma.prot !== 'write') return { signal: 'SIGSEGV' };
    const r = handleMmFault(ctx, args.proc, args.vpn, true);
    if (!r.ok) return { signal: 'SIGBUS' };
    copyToPage(ctx, args.proc, args.vpn, r.pfn, args.value);
    return {};
  });
