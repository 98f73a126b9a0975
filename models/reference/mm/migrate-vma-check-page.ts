// mm/migrate_device.c: migrate_vma_check_page — the pre-check
// migrate_device_unmap runs on a collected page, before any destination is
// allocated (docs/operations.md §0 "The refcount check", KERNEL-SEMANTICS
// §3.3). "Unexpected" references are FOLL_GET references, pins and leaks;
// mappings, the page cache and the caller's own references
// (collect/isolation, do_swap_page's on the fault page) are expected, so the
// fault page needs no term of its own here. Passing it is not enough to
// move: folio_migrate_mapping then refuses any unexpected reference
// (migrate-pages.ts).
import { match } from 'ts-pattern';
import type { Era } from '../../eras/era.ts';
import type { FrameUsers } from '../../derive/frame-users.ts';
import type { AbsFrame } from '../../state.ts';
import { hasNoUnexpectedRefs } from './folio-users.ts';

export function migrateVmaCheckPage(era: Era, frame: AbsFrame, u: FrameUsers): boolean {
  const exact = hasNoUnexpectedRefs(u);
  return match(era.migrateCheck)
    .with('extra-ref', () =>
      // ~v5.19 on: "if (folio_is_zone_device(folio)) extra++" survives the
      // v6.1 zero-refcount change, so a ZONE_DEVICE page tolerates ONE
      // unexpected reference (open question 3). A pin adds
      // GUP_PIN_COUNTING_BIAS and always fails.
      frame.pgmap !== null ? u.pins === 0 && u.refs <= 1 : exact,
    )
    .with('private-only', () =>
      // v5.3–v5.18: "return is_device_private_page(page)" for ZONE_DEVICE.
      match(frame.type)
        .with('PRIVATE', () => true)
        .with('SYSTEM', () => exact)
        .with('COHERENT', 'FS_DAX', 'GENERIC', 'PCI_P2PDMA', 'HOST', 'PUBLIC', () => false)
        .exhaustive(),
    )
    .with('device-always', () =>
      // The DEVICE_COHERENT drafts: "return is_device_page(page)" for
      // ZONE_DEVICE pages (KERNEL-SEMANTICS §1.5).
      match(frame.type)
        .with('PRIVATE', 'COHERENT', 'PUBLIC', () => true)
        .with('SYSTEM', () => exact)
        .with('FS_DAX', 'GENERIC', 'PCI_P2PDMA', 'HOST', () => false)
        .exhaustive(),
    )
    .with('private-always', () =>
      // v4.14: device-private pages always pass (they "can never be pinned
      // as they have no valid pte"); PUBLIC takes extra++ and the generic
      // check, so it passes with no unexpected reference, like system RAM.
      match(frame.type)
        .with('PRIVATE', () => true)
        .with('PUBLIC', 'SYSTEM', () => exact)
        .with('COHERENT', 'FS_DAX', 'GENERIC', 'PCI_P2PDMA', 'HOST', () => false)
        .exhaustive(),
    )
    .exhaustive();
}
