// The cells of the per-type table that no check can see, and why: the
// kernel never asks that type that question (in that era), so the value is
// there only because the table is total — a new memory type must fail to
// compile until every decision names it. Keys: "TYPE.decision",
// "TYPE.decision = VALUE" or either with " under BUILTIN". type-table.test.ts
// fails when a listed mutation is caught after all (the entry is stale) and
// when one not listed goes uncaught.
const NEVER_MIGRATED_INTO =
  'never a migration destination: migrate_vma_pages only gets destination pages the driver allocated from its PRIVATE/COHERENT(/PUBLIC) pgmap (dmirror_devmem_alloc_page), and a dax pgmap is refused (-EINVAL) before any entry is built';
const NEVER_ON_LRU =
  'folio_add_lru runs only for a new anon or page-cache folio and a migration destination; a dax-mapped page is neither (the dax fault maps it with vmf_insert_page/insert_pfn, no folio_add_lru)';
const NEVER_CHARGED = 'never charged to a memcg (the dax fault path has no mem_cgroup_charge), and get_mctgt_type only classifies a folio charged to mc.from';
const NO_CHARGE_MOVING = 'this era has no charge moving (move_charge_at_immigrate, removed in v6.13): mem_cgroup_move_task never calls get_mctgt_type';
const V414_BREAKS = (what: string): string => `hmm-v4.14, the only built-in with this type, already violates ${what} by design (its header), so that judge does not run there`;
const DAX_SNAPSHOT = 'dmirror_mkentry (lib/test_hmm.c) reports a DAX page like a system page: no HMM_DMIRROR_PROT_DEV_* bit, so both classes give the same snapshot byte';

export const UNOBSERVABLE: Readonly<Record<string, string>> = {
  'SYSTEM.refcount = {"idle":1,"base":0,"mapsTakeRef":true}':
    "the count a free system frame sits at: the kernel model's page allocator leaves it at 0 itself (free_unref_folio), and only the reference's own counter derivation reads this idle value, which no check compares (refcount-expected judges the kernel side)",
  'SYSTEM.memcgTarget under upstream': NO_CHARGE_MOVING,
  'PRIVATE.memcgTarget under upstream': NO_CHARGE_MOVING,
  'COHERENT.memcgTarget under upstream': NO_CHARGE_MOVING,
  'SYSTEM.memoryFailure': 'memory_failure of a system page never reaches memory_failure_dev_pagemap (pfn_to_online_page finds it): the RAM row is never asked',
  'SYSTEM.pgmapRefPerAlloc': 'system RAM has no dev_pagemap',
  'PRIVATE.gup':
    'GUP never holds a device-private folio: follow_page_pte meets a non-present entry and faultin_page migrates the page to RAM first (do_swap_page → migrate_to_ram), so try_grab_folio sees only the system copy',
  'PRIVATE.longtermPinnable': 'as PRIVATE.gup: folio_is_longterm_pinnable only ever sees the system copy of a device-private page',
  'COHERENT.pteOnMigrate = present-devmap':
    'pte_devmap on a device-coherent page only changes which GUP-fast leaf takes the reference (gup_fast_devmap_leaf), and both take the same one: no result or state differs',
  'FS_DAX.pteOnMigrate': NEVER_MIGRATED_INTO,
  'GENERIC.pteOnMigrate': NEVER_MIGRATED_INTO,
  'PCI_P2PDMA.pteOnMigrate': NEVER_MIGRATED_INTO,
  'HOST.pteOnMigrate': NEVER_MIGRATED_INTO,
  'FS_DAX.onLru': NEVER_ON_LRU,
  'GENERIC.onLru': NEVER_ON_LRU,
  'PCI_P2PDMA.onLru': NEVER_ON_LRU,
  'HOST.onLru': NEVER_ON_LRU,
  'FS_DAX.memcgTarget': NEVER_CHARGED,
  'GENERIC.memcgTarget': NEVER_CHARGED,
  'PCI_P2PDMA.memcgTarget': NEVER_CHARGED,
  'HOST.memcgTarget': NEVER_CHARGED,
  'FS_DAX.longtermPinnable':
    'check_vma_flags refuses FOLL_LONGTERM on an fsdax VMA (vma_is_fsdax → -EOPNOTSUPP) before any folio is looked at, in every era the model has FS_DAX; a MAP_PRIVATE COW copy is anonymous RAM',
  'PCI_P2PDMA.longtermPinnable': 'GUP refuses PCI_P2PDMA memory with -EREMOTEIO (no FOLL_PCI_P2PDMA) before folio_is_longterm_pinnable',
  'HOST.longtermPinnable': 'v4.14, the only era with HOST, has no FOLL_LONGTERM check at all (folio_is_longterm_pinnable came in v5.x)',
  'FS_DAX.snapshotClass = system': DAX_SNAPSHOT,
  'GENERIC.snapshotClass = system': DAX_SNAPSHOT,
  'PCI_P2PDMA.snapshotClass = system': DAX_SNAPSHOT,
  'HOST.snapshotClass = system': DAX_SNAPSHOT,
  // hmm-v4.14 is the only built-in with PUBLIC and HOST, and it breaks some
  // invariants on purpose (its header): those are not judged under it.
  'HOST.snapshotClass = device-private under hmm-v4.14': V414_BREAKS('owner-isolation (whose snapshot-category clause judges SNAPSHOT)'),
  'HOST.snapshotClass = device-coherent under hmm-v4.14': V414_BREAKS('owner-isolation (whose snapshot-category clause judges SNAPSHOT)'),
  'PUBLIC.memcgTarget under hmm-v4.14': V414_BREAKS('memcg-target'),
  'PUBLIC.longtermPinnable under hmm-v4.14': `${V414_BREAKS('no-longterm-pin-coherent')}; and v4.14 has no FOLL_LONGTERM check at all`,
  'PUBLIC.pteOnMigrate = present': 'pte_devmap on a device-public page only changes which GUP-fast leaf takes the reference, and both take the same one: no result or state differs',
};

/** The reason a mutation (type, decision, value as shown, built-in) is unobservable, if it is listed. */
export function unobservable(type: string, decision: string, value: string, builtin: string): string | undefined {
  const cell = `${type}.${decision}`;
  for (const key of [`${cell} = ${value} under ${builtin}`, `${cell} = ${value}`, `${cell} under ${builtin}`, cell]) {
    const why = UNOBSERVABLE[key];
    if (why !== undefined) return why;
  }
  return undefined;
}
