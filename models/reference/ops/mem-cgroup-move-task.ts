// Moving a task to another memory cgroup: mem_cgroup_can_attach +
// mem_cgroup_move_charge (cgroup v1 move_charge_at_immigrate, removed in
// v6.13) walking the task's page tables with mem_cgroup_move_charge_pte_range
// (docs §4).
import { ESRCH, EINVAL, procOf } from '../handles.ts';
import { writableFrame, writableProc } from '../draft.ts';
import { getMctgtType } from '../mm/get-mctgt-type.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';

export const memCgroupMoveTask: OpSpec<'mem_cgroup_move_task'> = (era, state, args) =>
  deterministic<'mem_cgroup_move_task'>(era, state, (ctx) => {
    if (!procOf(ctx, args.proc)) return ESRCH;
    if (!ctx.s.memcgs.includes(args.memcg)) return EINVAL;
    const proc = writableProc(ctx, args.proc);
    const from = proc.memcg;
    proc.memcg = args.memcg;
    // A task attached to the cgroup it is already in is not migrated at all
    // (cgroup_migrate skips it), so nothing is classified or moved.
    if (!args.moveCharge || !era.chargeMoving || from === args.memcg) return { moved: 0 };
    let moved = 0;
    const vpns = Object.keys(proc.ptes)
      .map(Number)
      .sort((a, b) => a - b);
    for (const vpn of vpns) {
      const pte = proc.ptes[vpn]!;
      const target = getMctgtType(ctx, pte, from);
      ctx.events.push({ ev: 'mctgt', pfn: pte.pfn, target });
      if (target !== 'PAGE' && target !== 'DEVICE') continue;
      // mem_cgroup_move_account; a frame met twice is charged to `to` by
      // then, so get_mctgt_type says NONE and it moves once.
      writableFrame(ctx, pte.pfn).memcg = args.memcg;
      moved++;
    }
    return { moved };
  });
