// cdm-numa-rfc
//
// Title:  [RFC 0/8] Define coherent device memory node (2016)
// Source: seed 002_db295944162f87a0.txt: Anshuman Khandual's RFC of 24 Oct
//         2016 (1477283517-2504-1-git-send-email-khandual@linux.vnet.ibm.com),
//         Jérôme Glisse's reply and Balbir Singh's answer.
//
// The design ZONE_DEVICE was chosen against. Coherent device memory becomes
// a NUMA node: "Struct page must able to be inside standard LRU lists", its
// pages come from and return to the buddy allocator, and core mm treats them
// as ordinary RAM. Here COHERENT stands in for that node's memory on the
// current kernel (with cgroup-v1 charge moving, which the 2016 kernels had,
// so that charge classification can be observed): put_page takes the normal
// path (page_is_devmap_managed false), the last put frees to the buddy
// allocator at 0 instead of handing the page back to the driver, migrated
// pages go on the LRU, FOLL_LONGTERM pins them like any RAM, charge moving
// calls them PAGE, and memory_failure poisons them and kills their users.
// Jérôme's answer is the list of what this gives up: ZONE_DEVICE means "no
// lru, no complex dance to make the memory out of reach from regular memory
// allocator". The buddy free still runs exactly once per allocation
// (free-once holds), and the kernel model's put path still drops the
// per-allocation pgmap reference when the page leaves (pgmap-ref-balanced
// holds): the NUMA-node design has no dev_pagemap at all, so there is
// nothing for it to unbalance here.
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
//   memcg-charge-conserved     holds
//   memcg-target               violated
//   memory-failure-contract    violated
//   data-preserved             holds
//   dax-layout-idle            holds
//   device-not-on-lru          violated
//   pgmap-ref-balanced         holds
//   owner-isolation            holds
//   refinement                 violated (no era can say "device memory is
//                              RAM on the LRU": the specification refuses it)
import type { BuiltinProposal, EraOverrides } from '../proposal.ts';
import { ALL_HOLD } from './all-hold.ts';

const ERA_OVERRIDES: EraOverrides = {
  title: 'upstream with coherent device memory as a NUMA node (2016 RFC)',
  // The RFC's kernels (v4.9) had cgroup-v1 move_charge_at_immigrate; without
  // it get_mctgt_type never runs and memcg-target could not be observed.
  chargeMoving: true,
};

export const cdmNumaRfc: BuiltinProposal = {
  name: 'cdm-numa-rfc',
  title: '[RFC 0/8] Define coherent device memory node (2016): device memory on the LRU and in the buddy allocator',
  source: 'seed 002_db295944162f87a0.txt (Anshuman Khandual, 24 Oct 2016, ' + '1477283517-2504-1-git-send-email-khandual@linux.vnet.ibm.com; reply by Jérôme Glisse)',
  extends: null,
  baseEra: 'upstream',
  era: ERA_OVERRIDES,
  hooks: {
    // A node's page is not devmap-managed: put_page → __folio_put.
    page_is_devmap_managed: (folio, _ctx, dflt) => (folio.memoryType === 'COHERENT' ? false : dflt),
    // Back to the page allocator at 0, not to the driver's free list.
    free_zone_device_folio: (folio, _ctx, dflt) => (folio.memoryType === 'COHERENT' ? { action: 'buddy', at: 0 } : dflt),
    // "b. Struct page must able to be inside standard LRU lists".
    folio_add_lru: (folio, _ctx, dflt) => (folio.memoryType === 'COHERENT' ? true : dflt),
    // Ordinary memory of an ordinary node: nothing makes it unpinnable.
    folio_is_longterm_pinnable: (folio, _ctx, dflt) => (folio.memoryType === 'COHERENT' ? true : dflt),
    // An ordinary page is MC_TARGET_PAGE, never MC_TARGET_DEVICE.
    get_mctgt_type: (folio, _ctx, dflt) => (folio.memoryType === 'COHERENT' && dflt === 'DEVICE' ? 'PAGE' : dflt),
    // "(5) HW poisoning of the coherent memory": handled like RAM.
    memory_failure_dev_pagemap: (folio, _ctx, dflt) => (folio.memoryType === 'COHERENT' ? { action: 'poison-and-kill' } : dflt),
  },
  summary:
    'The 2016 coherent-device-memory NUMA node: COHERENT pages are freed to the buddy allocator through ' +
    'the normal put path, go on the LRU, are long-term pinnable, are charge-moved as PAGE and are ' +
    'poisoned like RAM — everything ZONE_DEVICE was chosen to avoid.',
  expected: {
    ...ALL_HOLD,
    'no-longterm-pin-coherent': 'violated',
    'coherent-evictable': 'violated',
    'memcg-target': 'violated',
    'memory-failure-contract': 'violated',
    'device-not-on-lru': 'violated',
  },
  refinement: {
    verdict: 'violated',
    why:
      'The specification (models/reference/) describes ZONE_DEVICE memory: off the LRU, freed to the driver, ' +
      'refused by memory_failure, never long-term pinned in place. This design turns each of those off with hooks ' +
      'that no era profile expresses, so the kernel model leaves the allowed outcomes at the first such step.',
  },
  why: {
    'no-longterm-pin-coherent':
      'Node memory is ordinary memory: folio_is_longterm_pinnable is true, so FOLL_LONGTERM pins a ' +
      'coherent page in place. The RFC proposed nothing instead ("reclamation, evictions etc. might need ' +
      'to be restricted or modified ... The RFC does not propose anything on this yet").',
    'coherent-evictable':
      'A long-term-pinned page never becomes free, and a page freed to the buddy allocator never comes ' + 'back to the driver, so eviction cannot empty the device and memunmap_pages cannot finish.',
    'memcg-target': 'get_mctgt_type classifies a coherent page charged to mc.from as MC_TARGET_PAGE, not ' + 'MC_TARGET_DEVICE: it is an ordinary page of another node.',
    'memory-failure-contract':
      'memory_failure poisons a coherent frame and kills its users as it does RAM, where the contract ' + 'for device private/coherent memory is to refuse with an errno and change nothing.',
    'device-not-on-lru':
      'folio_add_lru is called for coherent pages: "b. Struct page must able to be inside standard LRU ' + 'lists" is the RFC\'s second requirement, exactly what Jérôme\'s "no lru" avoids.',
  },
};
