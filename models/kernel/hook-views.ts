// What a proposal hook is shown: read-only views of the object its decision
// is about (the `subject`: a folio, a dev_pagemap, a non-present entry), and
// the empty context of hooks that need nothing else. Fresh frozen objects
// read from the struct-page arrays (folio-view.ts), so a hook cannot write
// back into the kernel model.
import type { FrameType, MemcgId, MemoryType, Pfn, PteKind } from '../vocabulary.ts';

/** A read-only view of one folio, as a hook sees it. */
export interface FolioView {
  readonly pfn: Pfn;
  /** 'SYSTEM' for normal RAM. */
  readonly memoryType: FrameType;
  readonly refcount: number;
  readonly mapcount: number;
  readonly pincount: number;
  /** folio_test_anon. */
  readonly anon: boolean;
  /** The page-cache file it belongs to, or null (folio->mapping, anon excluded). */
  readonly mapping: string | null;
  readonly memcg: MemcgId | null;
  /** pgmap->owner for ZONE_DEVICE folios, else null. */
  readonly owner: string | null;
  readonly lru: boolean;
  readonly hwpoison: boolean;
  /** PG_dirty: a page-cache folio newer than its file's storage. */
  readonly dirty: boolean;
  readonly zone: 'NORMAL' | 'DEVICE';
}

/** A read-only view of a dev_pagemap. */
export interface PgmapView {
  readonly type: MemoryType;
  readonly owner: string;
  readonly npages: number;
  /** percpu_ref_kill has run (memunmap_pages started). */
  readonly killed: boolean;
  /**
   * pfns at the start of the range the driver reserved (an altmap: the
   * vmemmap or a label area): pfn_first() skips them, they are never
   * handed out, and pgmap_pfn_valid is false for them.
   */
  readonly reserved: number;
}

/** A device-private or device-exclusive entry fork meets (copy_nonpresent_pte). */
export interface NonpresentEntryView {
  readonly kind: 'device-private' | 'device-exclusive';
  readonly write: boolean;
  readonly folio: FolioView;
}

/** The value of a PTE (pte_val) as gup_fast_pte_range reads it and reads it again. */
export interface PteValueView {
  readonly kind: Exclude<PteKind, 'none'>;
  readonly pfn: Pfn;
  readonly write: boolean;
  /** pte_dirty. */
  readonly dirty: boolean;
  /** pte_protnone: the VMA is PROT_NONE (change_pte_range's PAGE_NONE). */
  readonly protnone: boolean;
}

/** The context of a hook whose decision needs nothing beyond its subject. */
export type NoCtx = Readonly<Record<never, never>>;

/** One shared empty context: the hot paths allocate nothing for it. */
export const NO_CTX: NoCtx = Object.freeze({});
