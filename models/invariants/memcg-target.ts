// memcg-target: cgroup-v1 charge moving must classify every page it meets
// the same way: system pages as MC_TARGET_PAGE, device-private and
// device-coherent pages as MC_TARGET_DEVICE (they are not on the LRU, so
// mem_cgroup_move_charge_pte_range must not isolate them), anything else as
// NONE. Forgetting a new device type in get_mctgt_type (PUBLIC in v4.14,
// COHERENT in v6.0) or rejecting device-private entries before looking at
// them (BUG-22) leaves charges behind.
import { match } from 'ts-pattern';
import type { AbsFrame } from '../state.ts';
import type { FrameType, McTarget, MemcgId, Pfn } from '../vocabulary.ts';
import { frameLabel, pfnLabel } from './describe.ts';
import { type Invariant, type Violation, violation } from './invariant.ts';
import { ptesOf } from './mappings.ts';
import { argsFor, valueFor } from './step-args.ts';

/** get_mctgt_type for a page charged to mc.from, by type. */
const targetOfType = (type: FrameType): McTarget =>
  match<FrameType, McTarget>(type)
    .with('SYSTEM', () => 'PAGE')
    .with('PRIVATE', 'COHERENT', 'PUBLIC', () => 'DEVICE')
    .with('FS_DAX', 'GENERIC', 'HOST', 'PCI_P2PDMA', () => 'NONE')
    .exhaustive();

/**
 * MOVE_ANON only: a page not anon or not charged to the old memcg is NONE;
 * so is a page reached only through a non-swap entry other than a
 * device-private one (device-exclusive, hwpoison): mc_handle_swap_pte
 * returns NULL for `non_swap_entry(ent)` before looking at the page.
 */
const expectedTarget = (frame: AbsFrame, from: MemcgId, reachable: boolean): McTarget => (reachable && frame.anon && frame.memcg === from ? targetOfType(frame.type) : 'NONE');

/** PTE kinds through which get_mctgt_type can find a page (mc_handle_present_pte, mc_handle_swap_pte). */
const CANDIDATE_KINDS: ReadonlySet<string> = new Set(['present', 'present-devmap', 'device-private']);

export const memcgTarget: Invariant = {
  id: 'memcg-target',
  statement:
    'get_mctgt_type returns MC_TARGET_PAGE for a system page charged to mc.from, MC_TARGET_DEVICE for a device-private or device-coherent page charged to mc.from, and MC_TARGET_NONE otherwise',
  guards: ['mm/memcontrol.c: get_mctgt_type', 'mm/memcontrol.c: mc_handle_present_pte', 'mm/memcontrol.c: mc_handle_swap_pte', 'mm/memcontrol.c: mem_cgroup_move_charge_pte_range'],
  clauses: [
    {
      id: 'classified',
      statement:
        'each page get_mctgt_type meets gets MC_TARGET_PAGE (system), MC_TARGET_DEVICE (device-private/coherent) when charged to mc.from and reached through a present PTE or a device-private entry, else MC_TARGET_NONE',
    },
    { id: 'device-private-seen', statement: 'charge moving looks at every device-private entry of the task (mc_handle_swap_pte)' },
  ],
  check(_after, before, step) {
    const args = argsFor(step, 'mem_cgroup_move_task');
    if (!before || !step || !args) return [];
    const from = before.state.procs[args.proc]?.memcg;
    if (from === undefined) return [];
    const out: Violation[] = [];
    // A page met again after its charge moved is no longer charged to
    // mc.from: NONE is then right (mem_cgroup_move_account ran once).
    const movedAlready = new Set<Pfn>();
    const seen = new Set<Pfn>();
    const taskPtes = ptesOf(before.state, args.proc);
    for (const ev of step.events) {
      if (ev.ev !== 'mctgt') continue;
      seen.add(ev.pfn);
      const frame = before.state.frames[ev.pfn];
      if (!frame) {
        out.push(violation('classified', `${pfnLabel(before.state, ev.pfn)}: classified ${ev.target} but no such frame`));
        continue;
      }
      const reachable = taskPtes.some((at) => at.pte.pfn === ev.pfn && CANDIDATE_KINDS.has(at.pte.kind));
      const want = expectedTarget(frame, from, reachable);
      const again = movedAlready.has(ev.pfn) && ev.target === 'NONE';
      if (ev.target !== want && !again) {
        out.push(
          violation(
            'classified',
            `${frameLabel(frame)}: get_mctgt_type gave ${ev.target}, expected ${want} (${frame.anon ? 'anon' : 'not anon'}, charged to ${frame.memcg ?? 'no memcg'}, moving ${args.proc} from ${from} to ${args.memcg})`,
          ),
        );
      }
      if (ev.target === 'PAGE' || ev.target === 'DEVICE') movedAlready.add(ev.pfn);
    }
    // Every device-private entry of the task must at least be looked at.
    if (valueFor(step, 'mem_cgroup_move_task') && args.moveCharge && before.era.chargeMoving) {
      for (const at of taskPtes) {
        if (at.pte.kind !== 'device-private' || seen.has(at.pte.pfn)) continue;
        out.push(
          violation('device-private-seen', `${pfnLabel(before.state, at.pte.pfn)}: device-private entry at ${args.proc} vpn ${at.vpn} was never classified by get_mctgt_type (mc_handle_swap_pte)`),
        );
      }
    }
    return out;
  },
  // Charge moving ran for a task: get_mctgt_type classified a page, or the
  // era moves charges and the move asked for it.
  applies(_after, before, step) {
    const args = argsFor(step, 'mem_cgroup_move_task');
    if (!before || !step || !args || before.state.procs[args.proc] === undefined) return false;
    return step.events.some((ev) => ev.ev === 'mctgt') || (args.moveCharge && before.era.chargeMoving);
  },
};
