// kernel/exit.c: do_exit → exit_mmap: every VMA is unmapped, then the
// process is gone (docs §2). GUP references and pins it took stay with the
// driver that holds them until put/unpinned.
import { ESRCH, procOf } from '../handles.ts';
import { writableTable } from '../draft.ts';
import { doVmiMunmap } from '../mm/do-vmi-munmap.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';

export const exit: OpSpec<'exit'> = (era, state, args) =>
  deterministic<'exit'>(era, state, (ctx) => {
    const proc = procOf(ctx, args.proc);
    if (!proc) return ESRCH;
    for (const vma of [...proc.vmas]) doVmiMunmap(ctx, args.proc, vma.start, vma.npages);
    delete writableTable(ctx, 'procs')[args.proc];
    return {};
  });
