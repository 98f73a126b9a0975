// The argument domain of one state: which processes, vpns, pgmaps, owners,
// memcgs and values the enabled steps range over (bounds.ts), after the
// symmetry reductions (symmetry.ts).
import type { Era } from '../../models/eras/era.ts';
import type { AbsProc, AbsState } from '../../models/state.ts';
import type { MemcgId, ProcId, Vpn } from '../../models/vocabulary.ts';
import type { Step } from '../../models/ops.ts';
import { OWNERS } from '../check/choices.ts';
import { liveProcs, vmaVpns } from '../check/handles.ts';
import type { ExploreBounds } from './bounds.ts';
import { memcgsHeld, ownersHeld, presentThenFresh, valuesHeld } from './symmetry.ts';

export interface Domain {
  readonly s: AbsState;
  readonly era: Era;
  readonly bounds: ExploreBounds;
  readonly procs: readonly ProcId[];
  /** Every vpn inside a VMA, per process, with the process. */
  readonly vpns: readonly { readonly proc: ProcId; readonly p: AbsProc; readonly vpn: Vpn }[];
  readonly owners: readonly string[];
  readonly values: readonly number[];
  /** Targets of mem_cgroup_move_task. */
  readonly memcgs: readonly MemcgId[];
  /** 1..pages. */
  readonly sizes: readonly number[];
}

const upTo = (n: number): number[] => Array.from({ length: Math.max(0, n) }, (_, i) => i + 1);

export function domainOf(s: AbsState, era: Era, bounds: ExploreBounds, pending: readonly Step[] = []): Domain {
  const procs = liveProcs(s);
  const owners = OWNERS.slice(0, Math.max(1, Math.min(bounds.devices, OWNERS.length)));
  const values = upTo(bounds.values);
  return {
    s,
    era,
    bounds,
    procs,
    vpns: procs.flatMap((proc) => {
      const p = s.procs[proc];
      return p === undefined ? [] : vmaVpns(p).map((vpn) => ({ proc, p, vpn }));
    }),
    owners: bounds.symmetry ? presentThenFresh(owners, ownersHeld(s)) : owners,
    // A paused thread's store holds its value as much as a frame does.
    values: bounds.symmetry ? presentThenFresh(values, new Set([...valuesHeld(s), ...pending.flatMap((p) => ('value' in p.args && typeof p.args.value === 'number' ? [p.args.value] : []))])) : values,
    memcgs: bounds.symmetry ? presentThenFresh(s.memcgs, memcgsHeld(s)) : s.memcgs,
    sizes: upTo(bounds.pages),
  };
}

/** npages 1..pages that fit in vpn's VMA from vpn on. */
export function rangesAt(d: Domain, p: AbsProc, vpn: Vpn): number[] {
  const vma = p.vmas.find((v) => vpn >= v.start && vpn < v.start + v.npages);
  const room = vma === undefined ? 1 : vma.start + vma.npages - vpn;
  return d.sizes.filter((n) => n <= room);
}

/** Every combination of one value per page. */
export function valueRows(values: readonly number[], n: number): number[][] {
  let rows: number[][] = [[]];
  for (let i = 0; i < n; i++) rows = rows.flatMap((r) => values.map((v) => [...r, v]));
  return rows;
}
