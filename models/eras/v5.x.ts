// v5.10–v5.17: DEVICE_PUBLIC gone, GENERIC named, before the refcount
// cleanup of v5.18 and before DEVICE_COHERENT.
import type { Era } from './era.ts';

export const v5_x: Era = {
  name: 'v5.x',
  title: 'v5.10–v5.17: PRIVATE, FS_DAX, GENERIC, PCI_P2PDMA; extra ZONE_DEVICE ref',
  // S-5.18-c has GENERIC and no COHERENT: PRIVATE=1, FS_DAX=2, GENERIC=3, PCI_P2PDMA=4.
  enumValues: { PRIVATE: 1, FS_DAX: 2, GENERIC: 3, PCI_P2PDMA: 4 },
  // __put_devmap_managed_page: free path at count==1 ("1-based").
  deviceRefcount: 'extra-ref',
  daxRefcount: 'devmap',
  pgmapRef: 'per-pfn',
  follLongterm: true,
  longtermCoherent: 'pin', // no COHERENT type in this era
  longtermCoherentErrno: 'EFAULT',
  fsdaxLongtermUnpinnable: false,
  fsdaxVmaLongtermEopnotsupp: true,
  chargeMoving: true,
  mctgtDevice: ['PRIVATE'],
  // 9a137153fc87 (v5.10) fixed mc_handle_swap_pte (BUG-22).
  mcHandlesDevicePrivate: true,
  mcSkipsMappedNonPresent: false,
  migrateCheck: 'private-only',
  ownerChecks: true,
  deviceExclusive: true,
  // migrate_device_range is v6.1 (e778406b40db): eviction walks the VMAs (migrate_vma_*).
  migrateDeviceRange: false,
  // memory_failure_dev_pagemap: rc = -EBUSY; PRIVATE → goto unlock.
  memoryFailureDeviceErrno: 'EBUSY',
  p2pdmaUserMap: false,
  // put_and_wait_on_page_locked (v5.0, read in the ~v5.15 mm/migrate.c
  // copy): the waiter's get_page_unless_zero reference is dropped as it goes
  // to sleep.
  migrationEntryWaitRef: 'dropped-before-wait',
  movePagesSkipsZoneDevice: false,
  citations: ['mm/memremap.c @8bb5e7f4 (S-5.18-c)', 'KERNEL-SEMANTICS §1.3, §1.4, §2.1, §3.3, §5, §6'],
};
