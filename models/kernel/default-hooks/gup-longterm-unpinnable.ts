// What __gup_longterm_locked does with a folio folio_is_longterm_pinnable
// refused (mm/gup.c). COHERENT/PUBLIC follow era.longtermCoherent; the
// kernel from v6.0 migrates (migrate_device_coherent_folio), so the
// specification's 'migrate-or-fail' is 'migrate' here. FS_DAX cannot move:
// -EOPNOTSUPP. Movable system RAM would be migrated (migrate_pages).
import { match } from 'ts-pattern';
import type { Era } from '../../eras/era.ts';
import type { Hooks, LongtermUnpinnableDecision } from '../hooks.ts';

export const gup_longterm_unpinnable =
  (era: Era): Hooks['gup_longterm_unpinnable'] =>
  (folio) =>
    match(folio.memoryType)
      .with('COHERENT', 'PUBLIC', () =>
        match(era.longtermCoherent)
          .with('pin', (): LongtermUnpinnableDecision => ({ action: 'pin' }))
          .with('fail', (): LongtermUnpinnableDecision => ({ action: 'fail', errno: era.longtermCoherentErrno }))
          .with('migrate', 'migrate-or-fail', (): LongtermUnpinnableDecision => ({ action: 'migrate' }))
          .exhaustive(),
      )
      .with('SYSTEM', (): LongtermUnpinnableDecision => ({ action: 'migrate' }))
      // A device-private folio never reaches the check (GUP faults it to RAM): early v6.0 WARNed and returned -EFAULT.
      .with('PRIVATE', (): LongtermUnpinnableDecision => ({ action: 'fail', errno: 'EFAULT' }))
      .with('FS_DAX', 'GENERIC', 'PCI_P2PDMA', 'HOST', (): LongtermUnpinnableDecision => ({ action: 'fail', errno: 'EOPNOTSUPP' }))
      .exhaustive();
