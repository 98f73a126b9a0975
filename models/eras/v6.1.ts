// v6.1: Alistair Popple's series: free device pages have refcount zero,
// one pgmap reference per allocated page, migrate_device_range.
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
  citations: ['ef233450898f, 0dc45ca1ce18, e778406b40db (mm-stable Oct 2022)', 'KERNEL-SEMANTICS §2.1, §2.3, §2.4, §3.6'],
};
