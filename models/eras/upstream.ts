// Current upstream (v6.15 and later): no cgroup-v1 charge moving, FS_DAX
// refcounted like normal folios and not long-term pinnable, P2PDMA mappable.
import type { Era } from './era.ts';
import { v6_2 } from './v6.2.ts';

export const upstream: Era = {
  ...v6_2,
  name: 'upstream',
  title: 'upstream: no charge moving; FS_DAX 0-based and not long-term pinnable',
  // "fs/dax: Fix ZONE_DEVICE page reference counts" (v6.15).
  daxRefcount: 'refcounted',
  // folio_is_longterm_pinnable: folio_is_fsdax → false (fs/dax series).
  fsdaxLongtermUnpinnable: true,
  // "memcg-v1: remove charge move code" (v6.13), and with it v6.2's skip of
  // mapped non-present pages: a proposal that brings charge moving back
  // (cdm-numa-rfc, the 2016 design) gets get_mctgt_type as it was before v6.2.
  chargeMoving: false,
  mcSkipsMappedNonPresent: false,
  p2pdmaUserMap: true,
  citations: ['mm/memremap.c @85be0a26 free_zone_device_folio (S-cur-c)', 'include/linux/memremap.h @5885d9aa (S-cur-h)', 'KERNEL-SEMANTICS §2.2, §4.3, §5, §9'],
};
