// What device migration lets through, era by era (docs/operations.md "The
// refcount check", KERNEL-SEMANTICS §3.3), as pinned-not-migrated needs it:
// does the page carry references the migration must refuse, and would it
// move. Two checks decide: migrate_vma_check_page, the pre-check of
// migrate_device_unmap, says which types may go on at all (the era's
// declared migrateCheck); then folio_migrate_mapping (mm/migrate.c) demands
// the exact expected count (expected_page_refs / folio_expected_ref_count +
// the caller's extra), so the pre-check's extra++ slack never lets an
// unexpected reference through, in any era.
import { match } from 'ts-pattern';
import type { Era } from '../eras/era.ts';
import type { AbsFrame } from '../state.ts';
import { typeClass } from './type-class.ts';
import type { Users } from './users.ts';

export interface CheckOutcome {
  /** References the migration must refuse: FOLL_GET references, pins. */
  readonly unexpected: boolean;
  /** The page passes both checks: it must move. */
  readonly passes: boolean;
}

/** May migrate_vma_check_page pass a page of this type at all (with exactly the expected references). */
function eligible(era: Era, frame: AbsFrame): boolean {
  const cls = typeClass(frame.type);
  return (
    match(era.migrateCheck)
      // extra++ then the generic check, for every collected type.
      .with('extra-ref', () => true)
      // v5.3–v5.18: "return is_device_private_page(page)" for ZONE_DEVICE.
      .with('private-only', () => cls === 'system' || cls === 'device-private')
      // The DEVICE_COHERENT drafts: "return is_device_page(page)".
      .with('device-always', () => cls === 'system' || cls === 'device-private' || cls === 'device-coherent')
      // v4.14: device-private always, PUBLIC through extra++ and the generic check.
      .with('private-always', () => cls === 'system' || cls === 'device-private' || cls === 'device-coherent')
      .exhaustive()
  );
}

export function migrateCheck(era: Era, frame: AbsFrame, u: Users): CheckOutcome {
  const unexpected = u.pins > 0 || u.refs > 0;
  return { unexpected, passes: eligible(era, frame) && !unexpected };
}
