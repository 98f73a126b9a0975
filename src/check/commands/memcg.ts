// memcg commands (DESIGN §2): cgroups and cgroup-v1 charge moving.
import fc from 'fast-check';
import { command, step } from '../command-spec.ts';
import { biased, index } from '../choices.ts';
import { liveProcs, memcgs, pick } from '../handles.ts';

// Three memcgs besides the root are enough to move charges back and forth.
const MAX_MEMCGS = 4;

export const mem_cgroup_create = command({
  op: 'mem_cgroup_create',
  choices: () => fc.constant({}),
  resolve: (_c, s) => (s.memcgs.length >= MAX_MEMCGS ? undefined : step('mem_cgroup_create', {})),
});

export const mem_cgroup_move_task = command({
  op: 'mem_cgroup_move_task',
  choices: () => fc.record({ proc: index(), memcg: index(), moveCharge: biased(3, 1) }),
  resolve: (c, s) => {
    const proc = pick(liveProcs(s), c.proc);
    // Moving to the memcg the task is already in moves nothing: prefer another.
    const others = memcgs(s).filter((m) => proc === undefined || s.procs[proc]?.memcg !== m);
    const memcg = pick(others, c.memcg);
    return proc && memcg && step('mem_cgroup_move_task', { proc, memcg, moveCharge: c.moveCharge });
  },
});
