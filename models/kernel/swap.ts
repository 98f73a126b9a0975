// Page reference counting and the put path (mm/swap.c, include/linux/mm.h).
// Every reference drop in the model goes through folio_put_refs, so a
// ZONE_DEVICE folio always reaches its type's free path the same way
// (BUG-02: a batched put must not bypass the devmap-managed path).
import { ZERO_PFN } from '../vocabulary.ts';
import { folioView } from './folio-view.ts';
import type { PutSite } from './hook-decision-types.ts';
import { NO_CTX } from './hook-views.ts';
import type { KernelState } from './kstate.ts';
import { free_zone_device_folio } from './memremap.ts';
import { free_unref_folio } from './page-alloc.ts';

/** folio_get (include/linux/mm.h). The zero page is never refcounted. */
export function folio_get(k: KernelState, slot: number): void {
  folio_ref_add(k, slot, 1);
}

/** folio_ref_add / page_ref_add (include/linux/page_ref.h). */
export function folio_ref_add(k: KernelState, slot: number, refs: number): void {
  if (slot === ZERO_PFN) return;
  k.mem.refcount[slot] = (k.mem.refcount[slot] ?? 0) + refs;
}

/** folio_put / put_page (include/linux/mm.h). */
export function folio_put(k: KernelState, slot: number): void {
  folio_put_refs(k, slot, 1);
}

const PUT_PAGE = Object.freeze({ site: 'put_page' as const });
const RELEASE_PAGES = Object.freeze({ site: 'release_pages' as const });
const GUP_PUT_FOLIO = Object.freeze({ site: 'gup_put_folio' as const });
const SITES = { put_page: PUT_PAGE, release_pages: RELEASE_PAGES, gup_put_folio: GUP_PUT_FOLIO } as const;

/**
 * folio_put_refs (include/linux/mm.h) with the devmap-managed diversion of
 * put_page (mm.h page_is_devmap_managed → put_devmap_managed_folio_refs,
 * mm/memremap.c): 1-based ZONE_DEVICE folios run their free path when the
 * count drops to the hook's threshold, not at zero.
 */
export function folio_put_refs(k: KernelState, slot: number, refs: number, site: PutSite = 'put_page'): void {
  if (slot === ZERO_PFN) return;
  const m = k.mem;
  if (k.hooks.page_is_devmap_managed(folioView(k, slot), SITES[site])) {
    m.refcount[slot] = (m.refcount[slot] ?? 0) - refs;
    const d = k.hooks.free_zone_device_folio(folioView(k, slot), NO_CTX);
    if (m.refcount[slot] === d.at) free_zone_device_folio(k, slot, d);
    return;
  }
  m.refcount[slot] = (m.refcount[slot] ?? 0) - refs;
  if (m.refcount[slot] === 0) __folio_put(k, slot);
}

/**
 * __folio_put (mm/swap.c): the count reached zero. ZONE_DEVICE folios go to
 * free_zone_device_folio (whatever threshold the hook names: a folio at zero
 * is freed), everything else back to the page allocator.
 */
export function __folio_put(k: KernelState, slot: number): void {
  if ((k.mem.pgmap[slot] ?? -1) >= 0) free_zone_device_folio(k, slot, k.hooks.free_zone_device_folio(folioView(k, slot), NO_CTX));
  else free_unref_folio(k, slot);
}

/**
 * release_pages / folios_put_refs (mm/swap.c): the batched put used by zap and
 * truncation. It takes the same type-aware path per folio as folio_put
 * (BUG-02, c5d6c45e90c4: the batch once skipped the devmap-managed put).
 */
export function release_pages(k: KernelState, slots: readonly number[]): void {
  for (const s of slots) folio_put_refs(k, s, 1, 'release_pages');
}
