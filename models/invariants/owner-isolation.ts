// owner-isolation: pgmap->owner is the cookie that keeps one driver away
// from another's device-private memory (hmm_range_fault's dev_private_owner,
// migrate_vma's pgmap_owner, ~v5.7). A device may see its own private pages
// in place; another owner's must be faulted back to RAM first, and
// migrate_vma must not collect them. What a device is told about a page
// (the SNAPSHOT categories, snapshot-category.ts) is the page's truth.
import type { AbsState } from '../state.ts';
import type { Pfn } from '../vocabulary.ts';
import { frameLabel } from './describe.ts';
import { type Invariant, type StepContext, type Violation, violation } from './invariant.ts';
import { framesOf } from './mappings.ts';
import { argsFor, valueFor } from './step-args.ts';
import { snapshotCategory } from './snapshot-category.ts';
import { typeClass } from './type-class.ts';

/** The pgmap owner of a device-private frame, if `pfn` is one. */
function privateOwner(state: AbsState, pfn: Pfn): string | undefined {
  const frame = state.frames[pfn];
  if (!frame || frame.pgmap === null || typeClass(frame.type) !== 'device-private') return undefined;
  return state.pgmaps[frame.pgmap]?.owner;
}

/** The owner acting in this step, and which events it must not emit on foreign pages. */
function actor(state: AbsState, step: StepContext): { owner: string; ev: 'device-access' | 'migrate' } | undefined {
  const access = argsFor(step, 'device_read') ?? argsFor(step, 'device_write') ?? argsFor(step, 'snapshot') ?? argsFor(step, 'make_device_exclusive');
  if (access) return { owner: access.owner, ev: 'device-access' };
  // migrate_vma_setup's pgmap_owner is the owner of the pgmap the driver passes.
  const migrate = argsFor(step, 'migrate_to_device') ?? argsFor(step, 'migrate_to_ram');
  const pgmap = migrate ? state.pgmaps[migrate.pgmap] : undefined;
  return pgmap ? { owner: pgmap.owner, ev: 'migrate' } : undefined;
}

export const ownerIsolation: Invariant = {
  id: 'owner-isolation',
  statement: "a device never reads, reports or migrates another owner's MEMORY_DEVICE_PRIVATE pages without a fault: hmm_range_fault and migrate_vma_collect match pgmap->owner",
  guards: ['mm/hmm.c: hmm_is_device_private_entry', 'mm/hmm.c: hmm_vma_handle_pte', 'mm/migrate_device.c: migrate_vma_collect_pmd', 'mm/rmap.c: make_device_exclusive'],
  clauses: [
    { id: 'foreign-private', statement: "no device accesses in place, reports or migrates another owner's device-private page" },
    {
      id: 'snapshot-category',
      statement: "SNAPSHOT reports each page as what it is: its kind (device-private, device-coherent, local or remote), the zero page, or NONE/ERROR, with the entry's permission",
    },
  ],
  check(_after, before, step) {
    if (!before || !step) return [];
    const out: Violation[] = [];
    const snap = argsFor(step, 'snapshot');
    const bytes = valueFor(step, 'snapshot')?.prot;
    if (snap && bytes) {
      bytes.forEach((got, i) => {
        const want = snapshotCategory(before.era, before.state, snap.proc, snap.vpn + i, snap.owner);
        if (got !== want)
          out.push(violation('snapshot-category', `snapshot(${snap.proc}, vpn ${snap.vpn + i}) for "${snap.owner}" reported 0x${got.toString(16)}, but the page is 0x${want.toString(16)}`));
      });
    }
    const who = actor(before.state, step);
    if (!who) return out;
    for (const ev of step.events) {
      if (ev.ev !== who.ev) continue;
      const pfn = ev.ev === 'migrate' ? ev.from : ev.ev === 'device-access' ? ev.pfn : undefined;
      if (pfn === undefined) continue;
      const owner = privateOwner(before.state, pfn);
      if (owner === undefined || owner === who.owner) continue;
      const frame = before.state.frames[pfn];
      const did = ev.ev === 'migrate' ? 'migrated' : 'accessed in place';
      if (frame) out.push(violation('foreign-private', `${frameLabel(frame)}: owned by "${owner}", ${did} by ${step.op} on behalf of "${who.owner}"`));
    }
    return out;
  },
  // A SNAPSHOT reported pages, or a device (or a migration on its behalf)
  // acted while another owner's device-private pages existed.
  applies(_after, before, step) {
    if (!before || !step) return false;
    if (valueFor(step, 'snapshot')) return true;
    const who = actor(before.state, step);
    if (!who) return false;
    const { pgmaps } = before.state;
    let foreign = false;
    for (const p of Object.values(pgmaps)) foreign ||= p.owner !== who.owner;
    if (!foreign) return false;
    for (const frame of framesOf(before.state)) {
      if (frame.pgmap === null || typeClass(frame.type) !== 'device-private') continue;
      const owner = before.state.pgmaps[frame.pgmap]?.owner;
      if (owner !== undefined && owner !== who.owner) return true;
    }
    return false;
  },
};
