// What migrate_vma_check_page lets through, era by era (docs/operations.md
// "The refcount check", KERNEL-SEMANTICS §3.3), as pinned-not-migrated needs
// it: does the page carry references the check must refuse, and would the
// check pass it.
import { match } from 'ts-pattern';
import type { Era } from '../../models/eras/era.ts';
import type { FrameUsers } from '../../models/derive/frame-users.ts';
import type { AbsFrame } from '../../models/state.ts';
import { typeClass } from './type-class.ts';

export interface CheckOutcome {
  /** References beyond the era's slack: FOLL_GET refs over the tolerance, pins, leaks. */
  readonly unexpected: boolean;
  /** migrate_vma_check_page returns true. */
  readonly passes: boolean;
}

/**
 * `noSlack`: the caller already holds the reference the extra++ slack
 * absorbs — migrate_longterm_unpinnable_folios keeps a folio_get across
 * migrate_device_coherent_folio, so a pin's migration tolerates nothing.
 */
export function migrateCheck(era: Era, frame: AbsFrame, u: FrameUsers, noSlack: boolean): CheckOutcome {
  const cls = typeClass(frame.type);
  const beyond = (tolerated: number) => u.pins > 0 || u.leaked > 0 || u.refs > tolerated;
  const plain = (allowed: boolean): CheckOutcome => {
    const unexpected = beyond(0);
    return { unexpected, passes: allowed && !unexpected };
  };
  // v4.14 and v5.3–v5.18 returned true for every device-private page: a
  // pin could not be told from a migration_entry_wait reference.
  const always: CheckOutcome = { unexpected: false, passes: true };
  return match(era.migrateCheck)
    .with('extra-ref', () => {
      // "Page from ZONE_DEVICE have one extra reference": since v6.1 there
      // is none, so the extra++ tolerates one unexpected reference.
      const unexpected = beyond(cls !== 'system' && !noSlack ? 1 : 0);
      return { unexpected, passes: !unexpected };
    })
    .with('private-only', () => (cls === 'device-private' ? always : plain(cls === 'system')))
    .with('private-always', () =>
      cls === 'device-private' ? always : plain(cls === 'system' || cls === 'device-coherent'),
    )
    .exhaustive();
}
