// v4.14: HMM lands with MEMORY_DEVICE_PRIVATE and MEMORY_DEVICE_PUBLIC
// (seeds 003_4199763b7a2a6faa.txt, 004_93930d930c7c5bd8.txt).
import type { Era } from './era.ts';

export const v4_14: Era = {
  name: 'v4.14',
  title: 'v4.14 HMM: HOST, PRIVATE and PUBLIC; page_free at refcount 1',
  // include/linux/memremap.h @0628b8c6: HOST=0, PRIVATE, PUBLIC [read].
  enumValues: { HOST: 0, PRIVATE: 1, PUBLIC: 2 },
  // put_zone_device_private_or_public_page: page_free once the count reaches 1.
  deviceRefcount: 'extra-ref',
  daxRefcount: 'devmap',
  pgmapRef: 'per-pfn',
  // FOLL_LONGTERM arrived in ~v5.2; v4.14 follow_page_pte takes PUBLIC
  // pte_devmap pages with get_page like any other (the seed's diff only
  // refuses PUBLIC in the FOLL_DUMP gate path).
  follLongterm: false,
  longtermCoherent: 'pin',
  longtermCoherentErrno: 'EFAULT',
  fsdaxLongtermUnpinnable: false,
  fsdaxVmaLongtermEopnotsupp: false,
  chargeMoving: true,
  // get_mctgt_type: is_device_private_page || is_device_public_page (seed 003 diff).
  mctgtDevice: ['PRIVATE', 'PUBLIC'],
  // mc_handle_swap_pte returned NULL for non-swap entries first: BUG-22.
  mcHandlesDevicePrivate: false,
  mcSkipsMappedNonPresent: false,
  // migrate_vma_check_page: private always true, PUBLIC extra++ (seed 003 diff).
  migrateCheck: 'private-always',
  // migrate_vma collected every device-private entry; no pgmap_owner yet.
  ownerChecks: false,
  deviceExclusive: false,
  migrateDeviceRange: false,
  // [mem] KERNEL-SEMANTICS open question 7: no memory_failure_dev_pagemap in
  // v4.14; we model the ZONE_DEVICE pfn as refused with -EBUSY like ~v4.19.
  memoryFailureDeviceErrno: 'EBUSY',
  p2pdmaUserMap: false,
  // __migration_entry_wait: get_page_unless_zero; wait_on_page_locked;
  // put_page (the HMM series' diff adds get_zone_device_page beside it), so
  // migrate_vma_check_page cannot tell a waiter from a pin.
  migrationEntryWaitRef: 'held',
  // add_page_for_migration has no ZONE_DEVICE test: isolate_lru_page refuses it.
  movePagesSkipsZoneDevice: false,
  citations: ['include/linux/memremap.h @0628b8c6 (S-4.14-h)', 'seed 003_4199763b7a2a6faa.txt: mm/device-public-memory diff', 'KERNEL-SEMANTICS §1.3, §2.1, §3.3, §5'],
};
