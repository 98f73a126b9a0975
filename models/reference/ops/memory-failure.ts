// mm/memory-failure.c: memory_failure(pfn, flags) on one frame, named by
// pgmap+index or by a process's PTE (madvise(MADV_HWPOISON)) (docs §5).
// MF_COUNT_INCREASED: the caller's page reference is dropped on every path
// (put_ref_page), so it leaves nothing in the abstract state. A ZONE_DEVICE
// pfn takes the dev_pagemap path before any poison test (mm/memory-failure.c
// memory_failure: pfn_to_online_page is NULL for it).
import type { OpArgs, OpFailure } from '../../ops.ts';
import { typeRules } from '../../type-rules.ts';
import { type Pfn, ZERO_PFN } from '../../vocabulary.ts';
import { type Ctx, writableFrame } from '../draft.ts';
import { EINVAL, ESRCH, frameOf, pgmapOf, procOf } from '../handles.ts';
import { filemapRemoveFolio } from '../mm/filemap-remove-folio.ts';
import { forgetWrite } from '../mm/forget-write.ts';
import { folioPut } from '../mm/folio-put.ts';
import { usersOf } from '../mm/folio-users.ts';
import { unmapAndKill } from '../mm/unmap-and-kill.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';
import { MAP_BY } from '../../map-by.ts';

/** The poisoned pfn, or why there is none. */
function targetPfn(ctx: Ctx, args: OpArgs['memory_failure']): Pfn | OpFailure {
  if (args.pgmap !== undefined) {
    const pgmap = pgmapOf(ctx, args.pgmap);
    const index = args.index ?? -1;
    if (!pgmap || !Number.isInteger(index) || index < 0 || index >= pgmap.npages) return EINVAL;
    return pgmap.start + index;
  }
  if (args.proc === undefined) return EINVAL;
  const proc = procOf(ctx, args.proc);
  if (!proc) return ESRCH;
  if (args.vpn === undefined) return EINVAL;
  // No fault: pte_none has no frame; a hwpoison entry names its frame.
  const pte = proc.ptes[args.vpn];
  return pte === undefined ? { errno: 'EFAULT' } : pte.pfn;
}

/** True when a PTE of some process maps the frame (hwpoison entries do not). */
function mapped(ctx: Ctx, pfn: Pfn): boolean {
  return Object.values(ctx.s.procs).some((p) => Object.values(p.ptes).some((pte) => pte.pfn === pfn && pte.kind !== 'hwpoison'));
}

export const memoryFailure: OpSpec<'memory_failure'> = (era, state, args) =>
  deterministic<'memory_failure'>(era, state, (ctx) => {
    const pfn = targetPfn(ctx, args);
    if (typeof pfn !== 'number') return pfn;
    const frame = frameOf(ctx, pfn);
    if (frame.pgmap !== null) {
      // No online page: get_dev_pagemap and memory_failure_dev_pagemap come
      // before TestSetPageHWPoison, so a poisoned device page is judged again.
      const pgmap = ctx.s.pgmaps[frame.pgmap]!;
      // get_dev_pagemap fails once percpu_ref_kill ran: "memory outside kernel control".
      if (pgmap.killed) return { errno: 'ENXIO' };
      // !pgmap_pfn_valid: "device metadata space is not recoverable".
      if ((frame.index ?? 0) < (pgmap.reserved ?? 0)) return { errno: 'ENXIO' };
      const rules = typeRules(frame.type);
      const rule = rules.memoryFailure(era);
      // memory_failure_dev_pagemap / mf_generic_kill_procs refuse device
      // memory: nothing changes.
      if (rule.action === 'refuse') return { errno: rule.errno };
      // mf_generic_kill_procs: dax_lock_folio finds no DAX mapping → -EBUSY.
      if (MAP_BY[frame.type] === 'dax-mmap' && !mapped(ctx, pfn)) return { errno: 'EBUSY' };
      return poison(ctx, pfn);
    }
    if (frame.hwpoison) return { errno: 'EHWPOISON' };
    // A reserved kernel page: MF_MSG_KERNEL, ignored.
    if (pfn === ZERO_PFN) return { errno: 'EBUSY' };
    return poison(ctx, pfn);
  });

/**
 * SetPageHWPoison, unmap and kill every mapper, drop it from the page cache
 * (me_pagecache_clean / me_pagecache_dirty: what was not written back is
 * lost, and the file reads its storage there again).
 */
function poison(ctx: Ctx, pfn: Pfn): OpFailure | Record<string, never> {
  const frame = writableFrame(ctx, pfn);
  frame.hwpoison = true;
  unmapAndKill(ctx, pfn);
  if (frame.file !== null && frame.fileIndex !== null) forgetWrite(ctx, frame.file, frame.fileIndex);
  filemapRemoveFolio(ctx, pfn);
  folioPut(ctx, pfn);
  // Still held by GUP: the page cannot be isolated (MF_FAILED, -EBUSY).
  const u = usersOf(ctx.s, pfn);
  return u.refs > 0 || u.pins > 0 ? { errno: 'EBUSY' } : {};
}
