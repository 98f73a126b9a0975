// pinned-not-migrated: migration copies the data and repoints the PTEs; a
// page somebody holds through GUP (DMA in flight, a long-term pin) would keep
// being used at the old address, so migrate_vma_check_page must refuse it.
// Conversely a page with exactly the expected references must move, or
// device memory can never be evicted. Judged from the step's events against
// the references the page had before the step.
import { frameLabel, pfnLabel } from './describe.ts';
import { type Invariant, type Violation, violation } from './invariant.ts';
import { migrateCheck } from './migrate-check.ts';
import { users, usersText } from './users.ts';

export const pinnedNotMigrated: Invariant = {
  id: 'pinned-not-migrated',
  statement: 'a page with unexpected references (FOLL_GET beyond the expected count, FOLL_PIN) is never migrated, and a page with exactly the expected references is',
  guards: ['mm/migrate_device.c: migrate_vma_check_page', 'mm/migrate_device.c: migrate_device_unmap', 'mm/migrate.c: folio_expected_ref_count', 'mm/gup.c: migrate_longterm_unpinnable_folios'],
  clauses: [
    { id: 'held-moved', statement: 'a page held by a GUP reference or pin is never migrated' },
    { id: 'movable-skipped', statement: 'a page of a type the era migrates, with only its expected references, is not skipped for its references' },
    { id: 'no-such-frame', statement: 'migration events name frames that existed' },
  ],
  check(_after, before, step) {
    if (!before || !step) return [];
    const out: Violation[] = [];
    for (const ev of step.events) {
      if (ev.ev !== 'migrate' && !(ev.ev === 'migrate-skip' && ev.reason === 'refs')) continue;
      const pfn = ev.ev === 'migrate' ? ev.from : ev.pfn;
      const frame = before.state.frames[pfn];
      if (!frame) {
        out.push(violation('no-such-frame', `${pfnLabel(before.state, pfn)}: ${ev.ev} of a frame that did not exist before ${step.op}`));
        continue;
      }
      const u = users(before.state, pfn);
      const verdict = migrateCheck(before.era, frame, u);
      if (ev.ev === 'migrate' && verdict.unexpected) {
        out.push(violation('held-moved', `${frameLabel(frame)}: migrated to pfn ${ev.to} by ${step.op} although it had unexpected references (${usersText(u)})`));
      }
      if (ev.ev === 'migrate-skip' && verdict.passes) {
        out.push(violation('movable-skipped', `${frameLabel(frame)}: skipped by ${step.op} for its references although it had exactly the expected ones (${usersText(u)})`));
      }
    }
    return out;
  },
  // A page migrated, or was left behind for its references.
  applies(_after, before, step) {
    return before !== undefined && (step?.events.some((ev) => ev.ev === 'migrate' || (ev.ev === 'migrate-skip' && ev.reason === 'refs')) ?? false);
  },
};
