// Every place that clears or cleans a PTE moves its dirty bit to the folio
// (`if (pte_dirty(pte)) folio_mark_dirty(folio)`): zap_present_folio_ptes
// (mm/memory.c), migrate_vma_collect_pmd (mm/migrate_device.c, since
// "mm/migrate_device.c: copy pte dirty bit to page", BUG-09, v6.0),
// try_to_migrate_one and try_to_unmap_one (mm/rmap.c), page_vma_mkclean_one
// (folio_mkclean). The model keeps the fix in every era: before v6.0
// migrate_vma_collect_pmd lost the bit, a proposal can say so.
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const folio_mark_dirty =
  (_era: Era): Hooks['folio_mark_dirty'] =>
  () =>
    true;
