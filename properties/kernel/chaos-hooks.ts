// Proposal hooks that return arbitrary but well-typed decisions, driven by a
// seeded generator: the kernel model must never crash on them (proposals are
// untrusted; the invariants judge the outcome).
import type { Hooks } from '../../models/kernel/hooks.ts';
import { ERRNOS, MC_TARGETS } from '../../models/vocabulary.ts';

export function chaosHooks(seed: number): Hooks {
  let x = seed >>> 0 || 1;
  const rnd = (n: number): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
  const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)] as T;
  const errno = () => pick(ERRNOS);
  return {
    page_is_devmap_managed: () => rnd(2) === 0,
    free_zone_device_folio: () => ({ action: pick(['driver-free', 'wake-idle', 'reset-to-one', 'buddy'] as const), at: pick([0, 1] as const) }),
    expected_page_refs: () => rnd(4),
    migrate_vma_check_page: () => rnd(2) === 0,
    migrate_vma_insert_page: () => pick(['device-private', 'present', 'present-devmap', 'unsupported'] as const),
    folio_is_longterm_pinnable: () => rnd(2) === 0,
    gup_longterm_unpinnable: () => pick([{ action: 'migrate' }, { action: 'pin' }, { action: 'fail', errno: errno() }] as const),
    try_grab_folio_fast: () => pick(['grab', 'fallback', 'fail'] as const),
    gup_fast_pte_range: () => pick([true, false] as const),
    gup_fast: () => pick([true, false] as const),
    get_mctgt_type: () => pick(MC_TARGETS),
    memory_failure_dev_pagemap: () => (rnd(2) === 0 ? { action: 'poison-and-kill' } : { action: 'refuse', errno: errno() }),
    copy_nonpresent_pte: () => pick(['share-readonly', 'share', 'restore-then-copy'] as const),
    folio_add_lru: () => rnd(2) === 0,
    migrate_vma_collect_pmd: () => rnd(2) === 0,
    migrate_device_pages: () => rnd(2) === 0,
    remove_migration_pte: () => rnd(2) === 0,
    remove_migration_ptes: () => pick(['rmap-walk', 'installed'] as const),
    migrate_longterm_unpinnable_folios: () => pick(['copy', 'original', 'destination'] as const),
    migrate_device_finalize: () => rnd(2) === 0,
    flush_tlb_range: () => pick(['flush-then-unlock', 'unlock-then-flush'] as const),
    do_swap_page: () => pick(['get-then-unlock', 'unlock-then-get'] as const),
    put_ref_page: () => rnd(2) === 0,
    get_dev_pagemap: () => rnd(2) === 0,
    get_dev_pagemap_ref: () => pick(['tryget-under-rcu', 'get-after-rcu-unlock'] as const),
    free_zone_device_folio_ref: () => pick(['put-after-page-free', 'put-before-page-free'] as const),
    put_dev_pagemap: () => rnd(2) === 0,
    pgmap_pfn_valid: () => rnd(2) === 0,
    memunmap_pages: () => rnd(2) === 0,
    memunmap_pages_kill: () => pick(['kill-then-wait', 'wait-then-kill'] as const),
    unmap_and_kill: () => ({ unmap: pick(['page', 'none'] as const), kill: pick(['mappers', 'none'] as const) }),
    hmm_is_device_private_entry: () => rnd(2) === 0,
    make_device_exclusive: () => rnd(2) === 0,
    copy_present_ptes: () => ({ parent: rnd(2) === 0, child: rnd(2) === 0 }),
    folio_needs_cow_for_dma: () => rnd(2) === 0,
    wp_can_reuse_anon_folio: () => rnd(2) === 0,
    folio_mark_dirty: () => rnd(2) === 0,
    dax_layout_busy_page: () => rnd(2) === 0,
    add_page_for_migration: () => rnd(2) === 0,
    mapping_evict_folio: () => rnd(2) === 0,
  };
}
