// The era facts DEVICE_COHERENT v1 changes on v5.x (seed 000); coherent-v4,
// which extends it, inherits them through resolveProposal.
import type { EraOverrides } from '../proposal.ts';

export const COHERENT_V1_ERA: EraOverrides = {
  title: 'v5.x + MEMORY_DEVICE_COHERENT (series v1): no long-term pin check',
  // The v1 memremap.h hunk: MEMORY_DEVICE_PRIVATE = 1, then COHERENT.
  enumValues: { PRIVATE: 1, COHERENT: 2, FS_DAX: 3, GENERIC: 4, PCI_P2PDMA: 5 },
  // get_mctgt_type: `if (is_device_page(page)) ret = MC_TARGET_DEVICE;`.
  mctgtDevice: ['PRIVATE', 'COHERENT'],
  // Nothing in the series looks at FOLL_LONGTERM.
  longtermCoherent: 'pin',
  // mm/migrate.c migrate_vma_check_page, v1: for ZONE_DEVICE pages
  // `return is_device_page(page);` (PRIVATE || COHERENT): a coherent page
  // always passes the pre-check; system pages keep the generic refcount
  // check. folio_migrate_mapping's exact count still refuses a page with a
  // get_user_pages reference or a pin (docs §0 "The refcount check").
  migrateCheck: 'device-always',
};
