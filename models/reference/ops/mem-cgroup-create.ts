// mm/memcontrol.c: mem_cgroup_css_alloc — mkdir of a new memory cgroup (docs §4).
import type { MemcgId } from '../../vocabulary.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';

export const memCgroupCreate: OpSpec<'mem_cgroup_create'> = (era, state) =>
  deterministic<'mem_cgroup_create'>(era, state, (ctx) => {
    const memcg: MemcgId = `m${ctx.s.next.memcg++}`;
    ctx.s.memcgs.push(memcg);
    return { memcg };
  });
