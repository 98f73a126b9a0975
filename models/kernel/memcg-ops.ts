// cgroup v1 memcg operations (mm/memcontrol.c, mm/memcontrol-v1.c): creating
// a memcg and moving a task with move_charge_at_immigrate.
import type { OpArgs, OpResult } from '../ops.ts';
import type { McTarget } from '../vocabulary.ts';
import { folioView } from './folio-view.ts';
import { EINVAL, ESRCH, getMemcg, getProc } from './handles.ts';
import type { MctgtContext } from './hooks.ts';
import { type KernelState, type Proc, type Pte, slotOf } from './kstate.ts';
import { mem_cgroup_move_account } from './memcontrol.ts';
import { put_ref_page, take_extra_ref } from './put-ref-page.ts';
import { ZERO_PFN } from '../vocabulary.ts';

/** mem_cgroup_css_alloc: a new memcg with an empty page counter. */
export function mem_cgroup_create(k: KernelState, _a: OpArgs['mem_cgroup_create']): OpResult<'mem_cgroup_create'> {
  const n = k.next.memcg++;
  k.memcgUsage[n] = 0;
  return { memcg: `m${n}` };
}

/**
 * mem_cgroup_can_attach + mem_cgroup_move_charge: the task joins the new
 * memcg; with charge moving (an era that has it, and asked for) every page
 * get_mctgt_type classifies PAGE or DEVICE moves its charge
 * (mem_cgroup_move_charge_pte_range, MOVE_ANON).
 */
export function mem_cgroup_move_task(k: KernelState, a: OpArgs['mem_cgroup_move_task']): OpResult<'mem_cgroup_move_task'> {
  const p = getProc(k, a.proc);
  if (!p) return ESRCH;
  const to = getMemcg(k, a.memcg);
  if (to < 0) return EINVAL;
  const from = p.memcg;
  p.memcg = to;
  if (!a.moveCharge || !k.era.chargeMoving) return { moved: 0 };
  let moved = 0;
  for (const vpn of [...p.ptes.keys()].sort((x, y) => x - y)) {
    const pte = p.ptes.get(vpn);
    if (!pte) continue;
    const { slot, target, held } = get_mctgt_type(k, p, pte, from);
    k.events.push({ ev: 'mctgt', pfn: pte.pfn, target });
    if (slot >= 0 && (target === 'PAGE' || target === 'DEVICE')) {
      mem_cgroup_move_account(k, slot, from, to);
      moved++;
    }
    // "put: get_mctgt_type() gets & locks the page" — or, for MC_TARGET_NONE, get_mctgt_type's own put.
    if (held) put_ref_page(k, slot, 'mem_cgroup_move_charge_pte_range');
  }
  return { moved };
}

/**
 * get_mctgt_type (mm/memcontrol-v1.c): find the page behind the entry
 * (mc_handle_present_pte: vm_normal_page, which skips the zero page and
 * devmap/DAX "special" mappings; mc_handle_swap_pte: device-private entries),
 * take the lookup's reference (get_page / get_page_unless_zero), and let the
 * proposal's hook classify it. Device-exclusive and hwpoison entries yield
 * no page.
 */
function get_mctgt_type(k: KernelState, _p: Proc, pte: Pte, from: number): { slot: number; target: McTarget; held: boolean } {
  const via: MctgtContext['via'] | null = pte.kind === 'present' || pte.kind === 'present-devmap' ? 'present' : pte.kind === 'device-private' ? 'device-private' : null;
  if (via === null || pte.pfn === ZERO_PFN) return { slot: -1, target: 'NONE', held: false };
  const slot = slotOf(k, pte.pfn);
  const held = take_extra_ref(k, slot);
  const target = k.hooks.get_mctgt_type(folioView(k, slot), { from: `m${from}`, via });
  return { slot, target, held };
}
