// upstream
//
// Title:  current upstream: no charge moving; FS_DAX refcounted and not
//         long-term pinnable
// Source: the upstream era profile (models/eras/upstream.ts): "memcg-v1:
//         remove charge move code" (v6.13), "fs/dax: Fix ZONE_DEVICE page
//         reference counts" (v6.15).
//
// The current kernel: v6.1's device-page counting, cgroup-v1 charge moving
// removed (v6.13), FS_DAX folios refcounted by their mappings and no longer
// long-term pinnable (fs/dax series, ~v6.15), P2PDMA memory mappable by user
// space. No hook overrides: every decision is the era profile's.
//
// Note: pinned-not-migrated holds only as the invariant tolerates the
// kernel's own slack: migrate_vma_check_page still adds extra++ for every
// ZONE_DEVICE folio ("Page from ZONE_DEVICE have one extra reference"), which
// since 27674ef6c73f removed that reference lets a coherent page with one
// short-term get_user_pages reference migrate (KERNEL-SEMANTICS §3.3, open
// question 3). The invariant accepts exactly that one reference; a pin
// (x1024) or a second reference is still a violation.
//
// Result:
//   refcount-expected          holds
//   free-once                  holds
//   no-use-after-free          holds
//   no-longterm-pin-coherent   holds
//   gup-contract               holds
//   coherent-evictable         holds
//   private-not-cpu-mapped     holds
//   pinned-not-migrated        holds
//   memcg-charge-conserved     holds
//   memcg-target               holds
//   memory-failure-contract    holds
//   data-preserved             holds
//   dax-layout-idle            holds
//   device-not-on-lru          holds
//   pgmap-ref-balanced         holds
//   owner-isolation            holds
import type { BuiltinProposal } from '../proposal.ts';
import { ALL_HOLD } from './all-hold.ts';

export const upstreamKernel: BuiltinProposal = {
  name: 'upstream',
  title: 'current upstream: no charge moving; FS_DAX refcounted and not long-term pinnable',
  source: 'the upstream era profile (models/eras/upstream.ts): "memcg-v1: remove charge move code" (v6.13), "fs/dax: Fix ZONE_DEVICE page reference counts" (v6.15)',
  extends: null,
  baseEra: 'upstream',
  summary:
    "The current kernel: v6.1's device-page counting, cgroup-v1 charge moving removed (v6.13), FS_DAX folios refcounted by their mappings and no longer long-term pinnable (fs/dax series, ~v6.15), P2PDMA memory mappable by user space.",
  expected: ALL_HOLD,
};
