// migrate_vma_check_page (mm/migrate_device.c), era by era (§3.3):
// v4.14 device-private always passes, PUBLIC takes extra++ and the generic
// check; v5.3–v5.18 "return is_device_private_page(page)"; the
// DEVICE_COHERENT drafts "return is_device_page(page)"; since ~v5.19
// extra++ for every ZONE_DEVICE folio and the generic check — with no base
// reference left (v5.18+) that extra tolerates one unexpected reference
// (open question 3).
import { match } from 'ts-pattern';
import type { Era } from '../../eras/era.ts';
import type { FolioView, Hooks } from '../hooks.ts';

/** "(folio_ref_count(folio) - extra) > folio_mapcount(folio)" → false. */
function generic(folio: FolioView, isFaultPage: boolean): boolean {
  const extra = 1 + (isFaultPage ? 1 : 0) + (folio.zone === 'DEVICE' ? 1 : 0) + (folio.mapping === null ? 0 : 1);
  return folio.refcount - extra <= folio.mapcount;
}

export const migrate_vma_check_page =
  (era: Era): Hooks['migrate_vma_check_page'] =>
  (folio, { isFaultPage }) =>
    match(era.migrateCheck)
      .with('extra-ref', () => generic(folio, isFaultPage))
      .with('private-only', () => (folio.zone === 'DEVICE' ? folio.memoryType === 'PRIVATE' : generic(folio, isFaultPage)))
      .with('device-always', () =>
        match(folio.memoryType)
          .with('PRIVATE', 'COHERENT', 'PUBLIC', () => true)
          .with('SYSTEM', () => generic(folio, isFaultPage))
          .with('FS_DAX', 'GENERIC', 'PCI_P2PDMA', 'HOST', () => false)
          .exhaustive(),
      )
      .with('private-always', () =>
        match(folio.memoryType)
          .with('PRIVATE', () => true)
          .with('PUBLIC', 'SYSTEM', () => generic(folio, isFaultPage))
          .with('COHERENT', 'FS_DAX', 'GENERIC', 'PCI_P2PDMA', 'HOST', () => false)
          .exhaustive(),
      )
      .exhaustive();
