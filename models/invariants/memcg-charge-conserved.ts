// memcg-charge-conserved: every charged page is charged to exactly one
// existing memcg, page_counter usage matches the pages charged, uncharge
// happens on free (BUG-15, BUG-23: only for types that are charged), and
// where the era moves charges with the task they follow it (BUG-22).
import { expectedMemcgUsage } from '../derive/expected-counters.ts';
import type { AbsState } from '../state.ts';
import { TYPE_RULES } from '../type-rules.ts';
import type { View } from '../view.ts';
import { type MemcgId, ZERO_PFN } from '../vocabulary.ts';
import { frameLabel } from './describe.ts';
import type { Invariant, StepContext } from './invariant.ts';
import { ptesByPfn, ptesOf } from './mappings.ts';
import { argsFor, valueFor } from './step-args.ts';
import { typeClass } from './type-class.ts';

/** (a) page_counter usage per memcg equals the frames charged to it. */
function usage(view: View): string[] {
  const want = expectedMemcgUsage(view.state);
  const ids = new Set<MemcgId>([...(Object.keys(want) as MemcgId[]), ...(Object.keys(view.memcgUsage) as MemcgId[])]);
  const out: string[] = [];
  for (const m of ids) {
    const got = view.memcgUsage[m] ?? 0;
    const exp = want[m] ?? 0;
    if (got !== exp) out.push(`${m}: usage ${got} pages, but ${exp} frames are charged to it`);
  }
  return out;
}

/** (b) who must, may and must not carry a charge. */
function charges(state: AbsState): string[] {
  const out: string[] = [];
  const memcgs = new Set(state.memcgs);
  const mapped = ptesByPfn(state);
  for (const frame of Object.values(state.frames)) {
    const label = frameLabel(frame);
    if (frame.memcg !== null && !memcgs.has(frame.memcg)) out.push(`${label}: charged to ${frame.memcg}, which does not exist`);
    if (frame.pfn === ZERO_PFN) {
      if (frame.memcg !== null) out.push(`${label}: the zero page is charged to ${frame.memcg}; it is never charged`);
      continue;
    }
    if (!frame.inUse) {
      if (frame.memcg !== null) out.push(`${label}: free but still charged to ${frame.memcg} (mem_cgroup_uncharge missed)`);
      continue;
    }
    if (!TYPE_RULES[frame.type].memcgCharged) {
      if (frame.memcg !== null) out.push(`${label}: charged to ${frame.memcg}, but ${frame.type} pages are never charged`);
      continue;
    }
    // A mapped anon page or a page-cache page must be charged. A migration
    // source that a GUP reference keeps alive after mem_cgroup_migrate moved
    // its charge to the destination is anon, in use and rightly uncharged:
    // only mapped anon pages are judged.
    const isMapped = (mapped.get(frame.pfn) ?? []).some((m) => m.pte.kind !== 'hwpoison');
    if (frame.memcg === null && ((frame.anon && isMapped) || frame.file !== null)) {
      out.push(`${label}: in use as ${frame.anon ? 'a mapped anon page' : `page cache of ${frame.file}`} but charged to no memcg`);
    }
  }
  return out;
}

/**
 * (c) mem_cgroup_move_charge: an anon page (system or device-private/
 * coherent) that only the moving task maps and that was charged to its old
 * memcg is now charged to the new one. Pages shared with other tasks may
 * stay: the invariant does not judge them.
 */
function moved(after: View, before: View, step: StepContext): string[] {
  const args = argsFor(step, 'mem_cgroup_move_task');
  if (!args || !valueFor(step, 'mem_cgroup_move_task') || !args.moveCharge || !before.era.chargeMoving) return [];
  const from = before.state.procs[args.proc]?.memcg;
  if (from === undefined || from === args.memcg) return [];
  const mappers = ptesByPfn(before.state);
  const out: string[] = [];
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
      out.push(`${frameLabel(frame)}: mapped only by ${args.proc} (vpn ${at.vpn}) and charged to ${from}, still charged to ${now ?? 'no memcg'} after moving ${args.proc} to ${args.memcg}`);
    }
  }
  return out;
}

export const memcgChargeConserved: Invariant = {
  id: 'memcg-charge-conserved',
  statement: 'every in-use charged folio has exactly one memcg, page_counter usage equals the folios charged, mem_cgroup_uncharge runs when it is freed, and charges follow migration and (with move_charge_at_immigrate) the task',
  guards: [
    'mm/memcontrol.c: mem_cgroup_charge',
    'mm/memcontrol.c: mem_cgroup_uncharge',
    'mm/memcontrol.c: mem_cgroup_migrate',
    'mm/memcontrol.c: mem_cgroup_move_account',
    'mm/memremap.c: free_zone_device_folio',
    'mm/migrate_device.c: migrate_vma_insert_page',
  ],
  check(after, before, step) {
    return [...usage(after), ...charges(after.state), ...(before && step ? moved(after, before, step) : [])];
  },
};
