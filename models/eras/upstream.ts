// Current upstream (v6.15 and later): no cgroup-v1 charge moving, FS_DAX
// refcounted like normal folios and not long-term pinnable, P2PDMA mappable.
import type { Era } from './era.ts';
import { v6_1 } from './v6.1.ts';

export const upstream: Era = {
  ...v6_1,
  name: 'upstream',
  title: 'upstream: no charge moving; FS_DAX 0-based and not long-term pinnable',
  // "fs/dax: Fix ZONE_DEVICE page reference counts" (v6.15).
  daxRefcount: 'refcounted',
  // folio_is_longterm_pinnable: folio_is_fsdax → false (fs/dax series).
  fsdaxLongtermUnpinnable: true,
  // "memcg-v1: remove charge move code" (v6.13).
  chargeMoving: false,
  p2pdmaUserMap: true,
  citations: [
    'mm/memremap.c @85be0a26 free_zone_device_folio (S-cur-c)',
    'include/linux/memremap.h @5885d9aa (S-cur-h)',
    'KERNEL-SEMANTICS §2.2, §4.3, §5, §9',
  ],
};
