// Enabled memcg and fault steps (src/check/commands/memcg.ts and faults.ts
// are their random counterparts): memcgs up to `procs` of them, every task
// moved to every other memcg with and without its charge, memory_failure
// of every mapped page and every device pfn, each allocation failure.
import type { Step } from '../../../models/ops.ts';
import { step } from '../../check/command-spec.ts';
import { pgmaps } from '../../check/handles.ts';
import type { Domain } from '../domain.ts';

const BOTH = [false, true] as const;

export const mem_cgroup_create = (d: Domain): Step[] => (d.s.memcgs.length >= d.bounds.procs ? [] : [step('mem_cgroup_create', {})]);

export const mem_cgroup_move_task = (d: Domain): Step[] =>
  d.procs.flatMap((proc) => d.memcgs.filter((m) => d.s.procs[proc]?.memcg !== m).flatMap((memcg) => BOTH.map((moveCharge) => step('mem_cgroup_move_task', { proc, memcg, moveCharge }))));

export function memory_failure(d: Domain): Step[] {
  const byVpn = d.vpns.filter(({ p, vpn }) => p.ptes[vpn] !== undefined).flatMap(({ proc, vpn }) => BOTH.map((countIncreased) => step('memory_failure', { proc, vpn, countIncreased })));
  const byPfn = pgmaps(d.s, { present: true }).flatMap((pgmap) => {
    const size = d.s.pgmaps[pgmap]?.npages ?? 0;
    return Array.from({ length: size }, (_, index) => BOTH.map((countIncreased) => step('memory_failure', { pgmap, index, countIncreased }))).flat();
  });
  return [...byVpn, ...byPfn];
}

export const fail_next_alloc = (d: Domain): Step[] => (['device', 'system'] as const).filter((where) => !d.s.failNextAlloc[where]).map((where) => step('fail_next_alloc', { where }));
