// v6.0: DEVICE_COHERENT merged, with long-term pins migrating the page out;
// the v5.18 refcount model (free at 0, then reset to 1).
import type { Era } from './era.ts';

export const v6_0: Era = {
  name: 'v6.0',
  title: 'v6.0: DEVICE_COHERENT; free at zero then reset to one',
  enumValues: { PRIVATE: 1, COHERENT: 2, FS_DAX: 3, GENERIC: 4, PCI_P2PDMA: 5 },
  // free_zone_device_page: page_free then set_page_count(page, 1) (27674ef6c73f).
  deviceRefcount: 'reset-to-one',
  daxRefcount: 'devmap',
  pgmapRef: 'per-pfn',
  follLongterm: true,
  // "mm/gup: migrate device coherent pages when pinning instead of failing";
  // the specification accepts either outcome (seed 001, BUG-18).
  longtermCoherent: 'migrate-or-fail',
  // migrate_device_coherent_page failure → -EBUSY (check_and_migrate_movable_pages).
  longtermCoherentErrno: 'EBUSY',
  fsdaxLongtermUnpinnable: false,
  fsdaxVmaLongtermEopnotsupp: true,
  chargeMoving: true,
  mctgtDevice: ['PRIVATE', 'COHERENT'],
  mcHandlesDevicePrivate: true,
  mcSkipsMappedNonPresent: false,
  migrateCheck: 'extra-ref',
  ownerChecks: true,
  deviceExclusive: true,
  // migrate_device_range is v6.1 (e778406b40db): eviction walks the VMAs (migrate_vma_*).
  migrateDeviceRange: false,
  // mf_generic_kill_procs: dax_lock_folio returns 0 for a folio whose mapping
  // is not a DAX mapping (fs/dax.c: "if (!mapping || !dax_mapping(mapping))"
  // [read]), so anon PRIVATE/COHERENT folios get -EBUSY before the -ENXIO switch.
  memoryFailureDeviceErrno: 'EBUSY',
  p2pdmaUserMap: false,
  // ffa65753c431 "mm/migrate.c: rework migration_entry_wait() to not take a
  // pageref" (v5.19): migration_entry_wait_on_locked (mm/filemap.c).
  migrationEntryWaitRef: 'none',
  // add_page_for_migration: "if (is_zone_device_page(page)) goto out_putpage"
  // with err = -ENOENT (read in the ~v6.6 mm/migrate.c copy); the
  // DEVICE_COHERENT series first refused them through FOLL_LRU.
  movePagesSkipsZoneDevice: true,
  citations: ['include/linux/memremap.h @2ed3634d (S-6.x-h)', 'fs/dax.c dax_lock_folio (read via the search index)', 'KERNEL-SEMANTICS §2.1, §3.3, §4.3, §6'],
};
