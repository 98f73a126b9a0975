// v6.1: Alistair Popple's series: free device pages have refcount zero,
// one pgmap reference per allocated page, migrate_device_range.
//
// The release is settled from the source history in the index (BUGS.md
// BUG-03 says v6.2; that is wrong): ef233450898f "mm: free device private
// pages have zero refcount" (which adds zone_device_page_init and the
// zero-refcount free path), 0dc45ca1ce18, 16ce101db85d and e778406b40db
// appear together in the mainline push of 16 Oct 2022 — the v6.1 merge
// window, between v6.0 (2 Oct) and v6.1-rc1 (16 Oct), beside "Merge tag
// 'dt-for-palmer-v6.1-mw1'" (kernel.org gitolite post-receive log of
// stable/linux master) — and `git describe` gives
// v6.0-rc3-596-gef233450898f / v6.0-rc3-597-g0dc45ca1ce18 (the amdgpu DKMS
// probe for zone_device_page_init): based after v6.0-rc3, not in v6.0.
import type { Era } from './era.ts';
import { v6_0 } from './v6.0.ts';

export const v6_1: Era = {
  ...v6_0,
  name: 'v6.1',
  title: 'v6.1: idle refcount zero; pgmap reference per allocated page',
  // ef233450898f "mm: free device private pages have zero refcount".
  deviceRefcount: 'zero-idle',
  // 0dc45ca1ce18 "mm/memremap.c: take a pgmap reference on page allocation".
  pgmapRef: 'per-alloc',
  // e778406b40db "mm/migrate_device.c: add migrate_device_range()".
  migrateDeviceRange: true,
  citations: ['ef233450898f, 0dc45ca1ce18, 16ce101db85d, e778406b40db: mainline push of 16 Oct 2022 (v6.1 merge window)', 'KERNEL-SEMANTICS §2.1, §2.3, §2.4, §3.6'],
};
