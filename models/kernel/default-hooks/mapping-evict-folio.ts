// mapping_evict_folio (mm/truncate.c; invalidate_complete_page before the
// folio conversion), for invalidate_mapping_pages / drop_caches: "if
// (folio_test_dirty(folio) || folio_test_writeback(folio)) return 0" and
// "if (folio_ref_count(folio) > folio_nr_pages(folio) +
// folio_has_private(folio) + 1) return 0" — a mapped or GUP-held folio has
// more than the page cache's reference (the +1 there is the lookup's own,
// which the model does not take).
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const mapping_evict_folio =
  (_era: Era): Hooks['mapping_evict_folio'] =>
  (folio) =>
    !folio.dirty && folio.refcount <= 1;
