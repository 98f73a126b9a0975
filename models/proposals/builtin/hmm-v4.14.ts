// hmm-v4.14
//
// Title:  HMM lands: MEMORY_DEVICE_PRIVATE and MEMORY_DEVICE_PUBLIC (v4.14)
// Source: seed 003_4199763b7a2a6faa.txt ("mm/device-public-memory: device
//         memory cache coherent with CPU", Jérôme Glisse,
//         20170817000548.32038-19-jglisse@redhat.com); seed
//         004_93930d930c7c5bd8.txt (HMM changelog); BUGS.md BUG-22.
//
// The v4.14 kernel as merged, no hook overrides: every decision is the
// v4.14 era profile's. Device-private pages are freed at refcount 1
// (put_zone_device_private_or_public_page); PUBLIC pages are CPU-mapped with
// pte_devmap and GUP takes them like any page; there is no FOLL_LONGTERM and
// no pgmap owner; migrate_vma collects every device-private entry; and
// mc_handle_swap_pte rejects non-swap entries before it looks for
// device-private ones (BUG-22). The memremap.h comment "no one should be
// allow to pin such memory so that it can always be evicted" is the whole of
// the pinning policy.
//
// Result:
//   refcount-expected          holds
//   free-once                  holds
//   no-use-after-free          holds
//   no-longterm-pin-coherent   violated
//   gup-contract               holds
//   coherent-evictable         violated
//   private-not-cpu-mapped     holds
//   pinned-not-migrated        holds
//   memcg-charge-conserved     violated
//   memcg-target               violated
//   memory-failure-contract    holds
//   data-preserved             holds
//   dax-layout-idle            holds
//   device-not-on-lru          holds
//   pgmap-ref-balanced         holds
//   owner-isolation            violated
import type { BuiltinProposal } from '../proposal.ts';
import { ALL_HOLD } from './all-hold.ts';

export const hmmV414: BuiltinProposal = {
  name: 'hmm-v4.14',
  title: 'HMM: MEMORY_DEVICE_PRIVATE and MEMORY_DEVICE_PUBLIC (v4.14)',
  source: 'seed 003_4199763b7a2a6faa.txt (20170817000548.32038-19-jglisse@redhat.com); seed 004_93930d930c7c5bd8.txt',
  extends: null,
  baseEra: 'v4.14',
  summary:
    'The v4.14 HMM kernel as merged: PRIVATE freed at refcount 1, PUBLIC CPU-mapped with pte_devmap and ' +
    'taken by GUP like any page, no FOLL_LONGTERM, no pgmap owner (migrate_vma collects every ' +
    'device-private entry), and mc_handle_swap_pte never classifying device-private entries (BUG-22).',
  expected: {
    ...ALL_HOLD,
    'no-longterm-pin-coherent': 'violated',
    'coherent-evictable': 'violated',
    'memcg-charge-conserved': 'violated',
    'memcg-target': 'violated',
    'owner-isolation': 'violated',
  },
  why: {
    'no-longterm-pin-coherent':
      'FOLL_LONGTERM does not exist before ~v5.2 and follow_page_pte takes a PUBLIC pte_devmap page with ' +
      'get_page like any other, so a "long-term" pin of a PUBLIC page succeeds. "no one should be allow to ' +
      'pin such memory so that it can always be evicted" (memremap.h, seed 003) is a comment, not a check.',
    'coherent-evictable':
      'A pinned PUBLIC page fails migrate_vma_check_page (PUBLIC gets extra++ and the generic refcount ' + 'check), so the driver can never move it out and memunmap_pages waits for ever.',
    'memcg-charge-conserved':
      'BUG-22: mc_handle_swap_pte returns NULL for every non-swap entry before testing ' +
      'is_device_private_entry, so when a task moves with move_charge_at_immigrate its device-private ' +
      'pages stay charged to the memcg it left; their uncharge at free hits that memcg.',
    'memcg-target': 'BUG-22 (fixed by 9a137153fc87, v5.10): get_mctgt_type never sees a device-private page through ' + 'mc_handle_swap_pte, so it is classified NONE instead of MC_TARGET_DEVICE.',
    'owner-isolation':
      'No pgmap owner before ~v5.7: migrate_vma collects every device-private entry, whichever device it ' + "belongs to, and hmm reports another device's private pages without a fault.",
  },
};
