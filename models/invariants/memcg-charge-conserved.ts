// memcg-charge-conserved: every charged page is charged to exactly one
// existing memcg, page_counter usage matches the pages charged, uncharge
// happens on free (BUG-15, BUG-23: only for types that are charged), and
// where the era moves charges with the task they follow it (BUG-22).
import type { AbsFrame, AbsState } from '../state.ts';
import type { View } from '../view.ts';
import { type MemcgId, type Pfn, ZERO_PFN } from '../vocabulary.ts';
import { frameLabel } from './describe.ts';
import { type Invariant, type StepContext, type Violation, violation } from './invariant.ts';
import { frameScope } from './frame-scope.ts';
import { framesOf, ptesByPfn, ptesOf } from './mappings.ts';
import { argsFor, valueFor } from './step-args.ts';
import { typeClass } from './type-class.ts';
import { users } from './users.ts';

/** page_counter usage per memcg equals the frames whose folio_memcg it is. */
function usage(view: View): Violation[] {
  const want: Record<string, number> = {};
  for (const m of view.state.memcgs) want[m] = 0;
  for (const f of Object.values(view.state.frames)) if (f.memcg !== null) want[f.memcg] = (want[f.memcg] ?? 0) + 1;
  const ids = new Set<string>([...Object.keys(want), ...Object.keys(view.memcgUsage)]);
  const out: Violation[] = [];
  for (const m of ids) {
    const got = view.memcgUsage[m as MemcgId] ?? 0;
    const exp = want[m] ?? 0;
    if (got !== exp) out.push(violation('usage', `${m}: usage ${got} pages, but ${exp} frames are charged to it`));
  }
  return out;
}

/**
 * Did page_counter usage move by exactly the charges that moved? With the
 * state before the step clean (usage matched the charged frames), only the
 * touched frames' charges can have moved, so usage is right after the step
 * iff each memcg's usage moved by its touched frames' net charge.
 */
function usageFollowed(after: View, before: View, touched: readonly Pfn[]): boolean {
  const delta = new Map<string, number>();
  const move = (m: MemcgId | null, by: number) => {
    if (m !== null) delta.set(m, (delta.get(m) ?? 0) + by);
  };
  for (const pfn of touched) {
    const was = before.state.frames[pfn]?.memcg ?? null;
    const is = after.state.frames[pfn]?.memcg ?? null;
    if (was === is) continue;
    move(was, -1);
    move(is, 1);
  }
  const u0: Readonly<Record<string, number>> = before.memcgUsage;
  const u1: Readonly<Record<string, number>> = after.memcgUsage;
  const followed = (m: string) => (u1[m] ?? 0) === (u0[m] ?? 0) + (delta.get(m) ?? 0);
  for (const m in u1) if (!followed(m)) return false;
  for (const m in u0) if (!followed(m)) return false;
  for (const m of delta.keys()) if (!followed(m)) return false;
  return true;
}

/**
 * Who must, may and must not carry a charge: host memory behind a pgmap
 * (FS_DAX, GENERIC, HOST, PCI_P2PDMA) and the zero page are never charged
 * (BUG-23); a free frame is uncharged; an in-use mapped anon page or a
 * page-cache page is charged (a migration source a GUP reference keeps
 * alive after mem_cgroup_migrate moved its charge is rightly uncharged, so
 * only mapped anon pages are judged).
 */
function charges(state: AbsState, frames: readonly AbsFrame[]): Violation[] {
  const out: Violation[] = [];
  const memcgs = new Set(state.memcgs);
  for (const frame of frames) {
    if (frame.memcg !== null && !memcgs.has(frame.memcg)) out.push(violation('charged', `${frameLabel(frame)}: charged to ${frame.memcg}, which does not exist`));
    if (frame.memcg !== null && (frame.pfn === ZERO_PFN || typeClass(frame.type) === 'host-dax')) {
      out.push(violation('charged', `${frameLabel(frame)}: charged to ${frame.memcg}, but ${frame.pfn === ZERO_PFN ? 'the zero page' : `${frame.type} memory`} is never charged`));
      continue;
    }
    if (!frame.inUse) {
      if (frame.memcg !== null) out.push(violation('charged', `${frameLabel(frame)}: free but still charged to ${frame.memcg} (mem_cgroup_uncharge missed)`));
      continue;
    }
    if (frame.memcg !== null || frame.pfn === ZERO_PFN || typeClass(frame.type) === 'host-dax') continue;
    if ((frame.anon && users(state, frame.pfn).maps > 0) || frame.file !== null) {
      out.push(violation('charged', `${frameLabel(frame)}: in use as ${frame.anon ? 'a mapped anon page' : `page cache of ${frame.file}`} but charged to no memcg`));
    }
  }
  return out;
}

/**
 * mem_cgroup_move_charge: an anon page (system or device-private/coherent)
 * that only the moving task maps and that was charged to its old memcg is
 * now charged to the new one. Pages shared with other tasks may stay.
 */
function moved(after: View, before: View, step: StepContext): Violation[] {
  const args = argsFor(step, 'mem_cgroup_move_task');
  if (!args || !valueFor(step, 'mem_cgroup_move_task') || !args.moveCharge || !before.era.chargeMoving) return [];
  const from = before.state.procs[args.proc]?.memcg;
  if (from === undefined || from === args.memcg) return [];
  const mappers = ptesByPfn(before.state);
  const out: Violation[] = [];
  const seen = new Set<number>();
  for (const at of ptesOf(before.state, args.proc)) {
    if (at.pte.kind !== 'present' && at.pte.kind !== 'present-devmap' && at.pte.kind !== 'device-private') continue;
    const frame = before.state.frames[at.pte.pfn];
    if (!frame || seen.has(frame.pfn) || frame.pfn === ZERO_PFN) continue;
    seen.add(frame.pfn);
    if (!frame.anon || frame.memcg !== from || typeClass(frame.type) === 'host-dax') continue;
    const others = (mappers.get(frame.pfn) ?? []).filter((m) => m.proc !== args.proc && m.pte.kind !== 'hwpoison');
    if (others.length > 0) continue;
    const now = after.state.frames[frame.pfn]?.memcg ?? null;
    if (now !== args.memcg) {
      out.push(
        violation(
          'moved',
          `${frameLabel(frame)}: mapped only by ${args.proc} (vpn ${at.vpn}) and charged to ${from}, still charged to ${now ?? 'no memcg'} after moving ${args.proc} to ${args.memcg}`,
        ),
      );
    }
  }
  return out;
}

export const memcgChargeConserved: Invariant = {
  id: 'memcg-charge-conserved',
  statement:
    'every in-use charged folio has exactly one memcg, page_counter usage equals the folios charged, mem_cgroup_uncharge runs when it is freed, and charges follow migration and (with move_charge_at_immigrate) the task',
  guards: [
    'mm/memcontrol.c: mem_cgroup_charge',
    'mm/memcontrol.c: mem_cgroup_uncharge',
    'mm/memcontrol.c: mem_cgroup_migrate',
    'mm/memcontrol.c: mem_cgroup_move_account',
    'mm/memremap.c: free_zone_device_folio',
    'mm/migrate_device.c: migrate_vma_insert_page',
  ],
  clauses: [
    // The reference keeps no page counter: its usage is the count of charged frames by definition.
    { id: 'usage', statement: "each memcg's page_counter usage equals the number of frames charged to it", sides: 'kernel' },
    { id: 'charged', statement: 'charges name existing memcgs; host memory and the zero page are never charged; free frames are uncharged; mapped anon and page-cache pages are charged' },
    { id: 'moved', statement: 'with charge moving, a page only the moving task maps follows it to the new memcg' },
  ],
  check(after, before, step) {
    const usageOk = before !== undefined && step?.touched !== undefined && usageFollowed(after, before, step.touched);
    return [...(usageOk ? [] : usage(after)), ...charges(after.state, frameScope(after, step)), ...(before && step ? moved(after, before, step) : [])];
  },
  // Something is charged (a frame, or a page counter), an anon or page-cache
  // page is in use (it must be), or a task moved between memcgs.
  applies(after, _before, step) {
    if (step?.op === 'mem_cgroup_move_task') return true;
    for (const u of Object.values(after.memcgUsage)) if (u !== 0) return true;
    for (const f of framesOf(after.state)) if (f.memcg !== null || (f.inUse && (f.anon || f.file !== null))) return true;
    return false;
  },
};
