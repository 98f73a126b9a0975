// The proposal hooks: the decisions inside kernel functions that a design
// under review may change (DESIGN §4). Each hook is named after the kernel
// function whose decision it is and has one shape, (subject, ctx): the
// read-only view the decision is about and an object with the rest ({} when
// there is nothing). This is how the kernel model calls them; a proposal's
// hook also receives the decision it would get without it (dflt,
// proposal-hooks.ts). The defaults come from the era profile and the
// per-type table (models/kernel/default-hooks/).
import type { McTarget } from '../vocabulary.ts';
import { decision } from './decision-type.ts';
import type * as D from './hook-decision-types.ts';
import type { FolioView, NoCtx, NonpresentEntryView, PgmapView, PteValueView } from './hook-views.ts';

export type * from './hook-decision-types.ts';
export type { FolioView, NoCtx, NonpresentEntryView, PgmapView, PteValueView } from './hook-views.ts';

export interface Hooks {
  /** Does this put path divert the folio to the ZONE_DEVICE free path (mm.h page_is_devmap_managed; every put path must agree, BUG-01/BUG-02). */
  page_is_devmap_managed(folio: FolioView, ctx: { readonly site: D.PutSite }): boolean;
  /** What free_zone_device_folio does for this type, and at which count. */
  free_zone_device_folio(folio: FolioView, ctx: NoCtx): D.FreeDecision;
  /**
   * Is a per-allocation pgmap reference (v6.1+ PRIVATE/COHERENT) put after
   * the driver's page_free, as the kernel's free_zone_device_folio does, or
   * before it (an interleaving point, threads.ts).
   */
  free_zone_device_folio_ref(pgmap: PgmapView, ctx: NoCtx): D.PgmapPutOrder;
  /** Migration's expected reference count for a folio about to move (mm/migrate.c expected_page_refs). */
  expected_page_refs(folio: FolioView, ctx: NoCtx): number;
  /** May this collected page migrate (mm/migrate_device.c migrate_vma_check_page). */
  migrate_vma_check_page(folio: FolioView, ctx: { readonly isFaultPage: boolean }): boolean;
  /** The PTE a new device page of this pgmap gets (migrate_vma_insert_page, remove_migration_pte). */
  migrate_vma_insert_page(pgmap: PgmapView, ctx: NoCtx): D.PteOnInsert;
  /** Does migrate_vma_collect_pmd collect this page for the caller's selection (SELECT_* flags, pgmap owner). */
  migrate_vma_collect_pmd(folio: FolioView, ctx: D.MigrateCollectContext): boolean;
  /** May this source folio move into a page of a device pgmap (mm/migrate_device.c __migrate_device_pages). */
  migrate_device_pages(folio: FolioView, ctx: { readonly pgmap: PgmapView }): boolean;
  /** The write bit of the entry remove_migration_pte (mm/migrate.c) builds from a migration entry. */
  remove_migration_pte(folio: FolioView, ctx: { readonly write: boolean; readonly moved: boolean }): boolean;
  /**
   * Which migration entries of the source remove_migration_ptes (mm/migrate.c)
   * rebuilds: all the rmap walk finds, or only those the migration
   * installed (only a migration paused with a fork between can tell).
   */
  remove_migration_ptes(folio: FolioView, ctx: NoCtx): D.MigrationPtesScope;
  /** May FOLL_LONGTERM pin it (include/linux/mm.h folio_is_longterm_pinnable). */
  folio_is_longterm_pinnable(folio: FolioView, ctx: NoCtx): boolean;
  /** What __gup_longterm_locked does with an unpinnable folio (mm/gup.c). */
  gup_longterm_unpinnable(folio: FolioView, ctx: NoCtx): D.LongtermUnpinnableDecision;
  /** What the caller pins once migrate_longterm_unpinnable_folios (mm/gup.c) moved the folio. */
  migrate_longterm_unpinnable_folios(folio: FolioView, ctx: NoCtx): D.LongtermPinTarget;
  /** The fast-GUP path's decision (mm/gup.c try_grab_folio_fast). */
  try_grab_folio_fast(folio: FolioView, flags: D.GupFlags): D.FastGupDecision;
  /**
   * Does gup_fast_pte_range (mm/gup.c) keep the folio it grabbed: is the PTE
   * it reads again after try_grab_folio_fast the value it read before
   * (`pte_val(pte) != pte_val(ptep_get(ptep))` drops it; `now` null: the
   * entry is gone). An interleaving point, threads.ts.
   */
  gup_fast_pte_range(folio: FolioView, ctx: { readonly read: PteValueView; readonly now: PteValueView | null }): boolean;
  /**
   * Does gup_fast (mm/gup.c) fall back to the slow path, which waits for the
   * mmap_lock, while a fork of the mm is write-protecting its PTEs
   * (mm->write_protect_seq odd; 57efa1fe5957: FOLL_PIN only). `folio`: the
   * one the PTE maps. An interleaving point, threads.ts.
   */
  gup_fast(folio: FolioView, ctx: { readonly pin: boolean }): boolean;
  /**
   * Does __migrate_device_finalize (mm/migrate_device.c) put the source folio
   * that just moved, and is about to be freed, back on an LRU list first
   * (folio_putback_lru; BUG-15, fixed in v6.14 "don't add folio to be freed
   * to LRU"). Asked for system folios only: a ZONE_DEVICE source is put.
   */
  migrate_device_finalize(folio: FolioView, ctx: NoCtx): boolean;
  /**
   * Is the TLB flushed for a present PTE this walk cleared before or after
   * it drops the PTE lock (flush_tlb_range; migrate_vma_collect_pmd,
   * acf4387e553e). `folio`: the one the cleared PTE mapped. An
   * interleaving point, threads.ts.
   */
  flush_tlb_range(folio: FolioView, ctx: { readonly site: D.TlbFlushSite }): D.TlbFlushOrder;
  /** Is do_swap_page's page reference taken before or after it drops the PTE lock (mm/memory.c; an interleaving point, threads.ts). */
  do_swap_page(folio: FolioView, ctx: NoCtx): D.DoSwapPageOrder;
  /** Does a path that took an extra folio reference drop it at this exit (put_ref_page, put_page). */
  put_ref_page(folio: FolioView, ctx: { readonly site: D.PutRefSite }): boolean;
  /** NONE, PAGE, SWAP or DEVICE for charge moving (mm/memcontrol.c get_mctgt_type). */
  get_mctgt_type(folio: FolioView, ctx: D.MctgtContext): McTarget;
  /** Does get_dev_pagemap (mm/memremap.c) hand out this pgmap (percpu_ref_tryget_live). */
  get_dev_pagemap(pgmap: PgmapView, ctx: { readonly index: number }): boolean;
  /** Is memory_failure's pgmap reference taken under get_dev_pagemap's rcu_read_lock or after its unlock (an interleaving point, threads.ts). */
  get_dev_pagemap_ref(pgmap: PgmapView, ctx: NoCtx): D.PgmapRefOrder;
  /** Does a path holding a pgmap reference drop it here (put_dev_pagemap / percpu_ref_put; BUG-28's sibling). */
  put_dev_pagemap(pgmap: PgmapView, ctx: { readonly site: D.PgmapPutSite }): boolean;
  /** Is this pfn of the pgmap backed by a usable page (mm/memremap.c pgmap_pfn_valid). */
  pgmap_pfn_valid(pgmap: PgmapView, ctx: { readonly index: number }): boolean;
  /** May memunmap_pages (mm/memremap.c) complete: its wait_for_completion(&pgmap->done) returns. */
  memunmap_pages(pgmap: PgmapView, ctx: D.MemunmapContext): boolean;
  /**
   * Where memunmap_pages kills pgmap->ref: before waiting for its users, as
   * the kernel's does, or after the wait; only a memunmap_pages paused at
   * its interleaving point (memunmap-thread.ts) asks.
   */
  memunmap_pages_kill(pgmap: PgmapView, ctx: NoCtx): D.PgmapKillOrder;
  /** The action and errno for a poisoned ZONE_DEVICE frame (mm/memory-failure.c). */
  memory_failure_dev_pagemap(folio: FolioView, ctx: { readonly pgmap: PgmapView }): D.MemoryFailureDecision;
  /** What mf_generic_kill_procs unmaps and whom it kills (collect_procs, unmap_and_kill). */
  unmap_and_kill(folio: FolioView, ctx: { readonly mappers: number }): D.UnmapAndKillDecision;
  /** May hmm_range_fault use a device-private entry in place for this device, rather than fault it (mm/hmm.c). */
  hmm_is_device_private_entry(folio: FolioView, ctx: { readonly owner: string }): boolean;
  /** Does the device-exclusive entry keep the page's map count and rmap (mm/rmap.c make_device_exclusive). */
  make_device_exclusive(folio: FolioView, ctx: { readonly owner: string }): boolean;
  /** What fork does with a device-private or device-exclusive entry (mm/memory.c). */
  copy_nonpresent_pte(entry: NonpresentEntryView, ctx: NoCtx): D.CopyNonpresentDecision;
  /** The write bits of the parent's and the child's PTE when fork shares a present page (mm/memory.c copy_present_ptes). */
  copy_present_ptes(folio: FolioView, ctx: { readonly write: boolean }): D.ForkWriteBits;
  /** Must fork give the child its own copy of this anon page (mm/internal.h folio_needs_cow_for_dma). */
  folio_needs_cow_for_dma(folio: FolioView, ctx: NoCtx): boolean;
  /** May a write fault reuse this anon folio in place (mm/memory.c wp_can_reuse_anon_folio). */
  wp_can_reuse_anon_folio(folio: FolioView, ctx: NoCtx): boolean;
  /**
   * Does a newly mapped or migrated folio go on the LRU (mm/swap.c
   * folio_add_lru; migrate_vma_insert_page and __migrate_device_finalize skip
   * ZONE_DEVICE folios). The 2016 NUMA-node design puts device memory on it.
   */
  folio_add_lru(folio: FolioView, ctx: NoCtx): boolean;
  /**
   * Does clearing (or cleaning) a dirty PTE at this site dirty the folio
   * (`if (pte_dirty(pte)) folio_mark_dirty(folio)`): zap_pte_range,
   * migrate_vma_collect_pmd, try_to_migrate_one, try_to_unmap_one,
   * folio_mkclean. BUG-09 is migrate_vma_collect_pmd saying no.
   */
  folio_mark_dirty(folio: FolioView, ctx: { readonly site: D.DirtySite }): boolean;
  /** Is this DAX page busy, so the filesystem must wait before freeing its block (fs/dax.c dax_layout_busy_page_range → dax_busy_page). */
  dax_layout_busy_page(folio: FolioView, ctx: NoCtx): boolean;
  /** May move_pages queue this page for migration, or is it refused with -ENOENT (mm/migrate.c add_page_for_migration: is_zone_device_page). */
  add_page_for_migration(folio: FolioView, ctx: NoCtx): boolean;
  /** May drop_caches drop this page-cache folio (mm/truncate.c mapping_evict_folio: clean, and no reference beyond the page cache's). */
  mapping_evict_folio(folio: FolioView, ctx: NoCtx): boolean;
}

export type HookName = keyof Hooks;

/** Every hook, in the order of the README's table (a missing one does not compile). */
export const HOOK_NAMES: readonly HookName[] = decision.every<HookName>()([
  'page_is_devmap_managed',
  'free_zone_device_folio',
  'free_zone_device_folio_ref',
  'expected_page_refs',
  'migrate_vma_check_page',
  'migrate_vma_insert_page',
  'migrate_vma_collect_pmd',
  'migrate_device_pages',
  'remove_migration_pte',
  'remove_migration_ptes',
  'folio_is_longterm_pinnable',
  'gup_longterm_unpinnable',
  'migrate_longterm_unpinnable_folios',
  'try_grab_folio_fast',
  'gup_fast_pte_range',
  'gup_fast',
  'migrate_device_finalize',
  'flush_tlb_range',
  'do_swap_page',
  'put_ref_page',
  'get_mctgt_type',
  'get_dev_pagemap',
  'get_dev_pagemap_ref',
  'put_dev_pagemap',
  'pgmap_pfn_valid',
  'memunmap_pages',
  'memunmap_pages_kill',
  'memory_failure_dev_pagemap',
  'unmap_and_kill',
  'hmm_is_device_private_entry',
  'make_device_exclusive',
  'copy_nonpresent_pte',
  'copy_present_ptes',
  'folio_needs_cow_for_dma',
  'wp_can_reuse_anon_folio',
  'folio_add_lru',
  'folio_mark_dirty',
  'dax_layout_busy_page',
  'add_page_for_migration',
  'mapping_evict_folio',
]);
