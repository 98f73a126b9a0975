// dax_busy_page (fs/dax.c, under dax_layout_busy_page_range): a DAX page is
// busy while something beyond its idle count and its mappings holds it — a
// GUP reference or pin (DMA). Devmap era: "page_ref_count(page) > 1" (the
// page idles at 1 and pte_devmap mappings take no reference); since the
// fs/dax series: "folio_ref_count(folio) - folio_mapcount(folio)". Both are
// "refcount above the in-use base, once mappings that count are set aside".
import type { Era } from '../../eras/era.ts';
import { TYPE_RULES } from '../../type-rules.ts';
import type { Hooks } from '../hooks.ts';

export const dax_layout_busy_page =
  (era: Era): Hooks['dax_layout_busy_page'] =>
  (folio) => {
    const rule = TYPE_RULES[folio.memoryType].refcount(era);
    return folio.refcount - (rule.mapsTakeRef ? folio.mapcount : 0) > rule.base;
  };
