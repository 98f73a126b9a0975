// memcg charging (mm/memcontrol.c): folio->memcg_data and the per-memcg
// page_counter, charged and uncharged incrementally.
import type { KernelState } from './kstate.ts';

/** mem_cgroup_charge (mm/memcontrol.c): charge a new folio to memcg. */
export function mem_cgroup_charge(k: KernelState, slot: number, memcg: number): void {
  if ((k.mem.memcg[slot] ?? -1) >= 0) mem_cgroup_uncharge(k, slot);
  k.mem.memcg[slot] = memcg;
  k.memcgUsage[memcg] = (k.memcgUsage[memcg] ?? 0) + 1;
}

/** mem_cgroup_uncharge (mm/memcontrol.c): a no-op for an uncharged folio (BUG-23). */
export function mem_cgroup_uncharge(k: KernelState, slot: number): void {
  const mc = k.mem.memcg[slot] ?? -1;
  if (mc < 0) return;
  k.memcgUsage[mc] = (k.memcgUsage[mc] ?? 0) - 1;
  k.mem.memcg[slot] = -1;
}

/**
 * mem_cgroup_migrate (mm/memcontrol.c): the new folio takes the old one's
 * charge and the old one's memcg_data is cleared, so the page counter does
 * not move and the old folio's free uncharges nothing (BUG-15).
 */
export function mem_cgroup_migrate(k: KernelState, from: number, to: number): void {
  const mc = k.mem.memcg[from] ?? -1;
  if ((k.mem.memcg[to] ?? -1) >= 0) mem_cgroup_uncharge(k, to);
  k.mem.memcg[to] = mc;
  k.mem.memcg[from] = -1;
}

/** mem_cgroup_move_account (mm/memcontrol.c, cgroup v1): move one folio's charge from → to. */
export function mem_cgroup_move_account(k: KernelState, slot: number, from: number, to: number): void {
  k.memcgUsage[from] = (k.memcgUsage[from] ?? 0) - 1;
  k.memcgUsage[to] = (k.memcgUsage[to] ?? 0) + 1;
  k.mem.memcg[slot] = to;
}
