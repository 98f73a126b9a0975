// kernel/fork.c: copy_process → dup_mmap → copy_page_range (docs §2). The
// child gets the parent's memcg, VMAs, nextVpn and ghost values; GUP
// references and pins are not inherited.
import type { ProcId } from '../../vocabulary.ts';
import { newCtx, writableTable } from '../draft.ts';
import { ESRCH, procOf } from '../handles.ts';
import { copyPageRange } from '../mm/copy-page-range.ts';
import type { OpSpec } from '../op-spec.ts';
import { outcomeOf } from '../outcome.ts';

export const fork: OpSpec<'fork'> = (era, state, args) => {
  const ctx = newCtx(era, state);
  const parent = procOf(ctx, args.proc);
  if (!parent) return [outcomeOf(ctx, ESRCH)];
  const child: ProcId = `p${ctx.s.next.proc++}`;
  writableTable(ctx, 'procs')[child] = {
    memcg: parent.memcg,
    vmas: structuredClone(parent.vmas),
    ptes: {},
    written: { ...parent.written },
    sigbus: 0,
    nextVpn: parent.nextVpn,
  };
  if (copyPageRange(ctx, args.proc, child)) return [outcomeOf(ctx, { child })];
  // -ENOMEM: the half-built child is torn down and nothing changes — except
  // that the failed allocation consumed a pending fail_next_alloc.
  const failed = newCtx(era, state);
  failed.s.failNextAlloc = { ...ctx.s.failNextAlloc };
  return [outcomeOf(failed, { errno: 'ENOMEM' })];
};
