// The type of each hook's decision, at run time (DESIGN §4): what
// src/runner/hook-crash.ts checks a proposal's hook against. A table over
// every HookName, each entry typed by the hook's return type, so a new hook
// in hooks.ts does not compile until its decision is described here, and a
// description that accepts something the hook's type does not is a type
// error too.
import { ERRNOS, MC_TARGETS } from '../vocabulary.ts';
import { decision, type DecisionType } from './decision-type.ts';
import type {
  CopyNonpresentDecision,
  DoSwapPageOrder,
  TlbFlushOrder,
  FastGupDecision,
  ForkWriteBits,
  FreeDecision,
  HookName,
  Hooks,
  LongtermPinTarget,
  MigrationPtesScope,
  PgmapKillOrder,
  PgmapPutOrder,
  PgmapRefOrder,
  PteOnInsert,
  UnmapAndKillDecision,
} from './hooks.ts';

const { boolean, count, every, oneOf, record, union } = decision;

const errno = oneOf(ERRNOS);

export const HOOK_DECISIONS: { readonly [K in HookName]: DecisionType<ReturnType<Hooks[K]>> } = {
  page_is_devmap_managed: boolean,
  free_zone_device_folio: record<FreeDecision>({
    action: oneOf(every<FreeDecision['action']>()(['driver-free', 'wake-idle', 'reset-to-one', 'buddy'])),
    at: oneOf(every<FreeDecision['at']>()([0, 1])),
  }),
  free_zone_device_folio_ref: oneOf(every<PgmapPutOrder>()(['put-after-page-free', 'put-before-page-free'])),
  expected_page_refs: count,
  migrate_vma_check_page: boolean,
  migrate_vma_insert_page: oneOf(every<PteOnInsert>()(['device-private', 'present', 'present-devmap', 'unsupported'])),
  migrate_vma_collect_pmd: boolean,
  migrate_device_pages: boolean,
  remove_migration_pte: boolean,
  remove_migration_ptes: oneOf(every<MigrationPtesScope>()(['rmap-walk', 'installed'])),
  folio_is_longterm_pinnable: boolean,
  gup_longterm_unpinnable: union(record({ action: oneOf(['migrate']) }), record({ action: oneOf(['fail']), errno }), record({ action: oneOf(['pin']) })),
  migrate_longterm_unpinnable_folios: oneOf(every<LongtermPinTarget>()(['copy', 'original', 'destination'])),
  try_grab_folio_fast: oneOf(every<FastGupDecision>()(['grab', 'fallback', 'fail'])),
  gup_fast_pte_range: boolean,
  gup_fast: boolean,
  migrate_device_finalize: boolean,
  flush_tlb_range: oneOf(every<TlbFlushOrder>()(['flush-then-unlock', 'unlock-then-flush'])),
  do_swap_page: oneOf(every<DoSwapPageOrder>()(['get-then-unlock', 'unlock-then-get'])),
  put_ref_page: boolean,
  get_mctgt_type: oneOf(MC_TARGETS),
  get_dev_pagemap: boolean,
  get_dev_pagemap_ref: oneOf(every<PgmapRefOrder>()(['tryget-under-rcu', 'get-after-rcu-unlock'])),
  put_dev_pagemap: boolean,
  pgmap_pfn_valid: boolean,
  memunmap_pages: boolean,
  memunmap_pages_kill: oneOf(every<PgmapKillOrder>()(['kill-then-wait', 'wait-then-kill'])),
  memory_failure_dev_pagemap: union(record({ action: oneOf(['poison-and-kill']) }), record({ action: oneOf(['refuse']), errno })),
  unmap_and_kill: record<UnmapAndKillDecision>({
    unmap: oneOf(every<UnmapAndKillDecision['unmap']>()(['page', 'none'])),
    kill: oneOf(every<UnmapAndKillDecision['kill']>()(['mappers', 'none'])),
  }),
  hmm_is_device_private_entry: boolean,
  make_device_exclusive: boolean,
  copy_nonpresent_pte: oneOf(every<CopyNonpresentDecision>()(['share-readonly', 'share', 'restore-then-copy'])),
  copy_present_ptes: record<ForkWriteBits>({ parent: boolean, child: boolean }),
  folio_needs_cow_for_dma: boolean,
  wp_can_reuse_anon_folio: boolean,
  folio_add_lru: boolean,
  folio_mark_dirty: boolean,
  dax_layout_busy_page: boolean,
  add_page_for_migration: boolean,
  mapping_evict_folio: boolean,
};
