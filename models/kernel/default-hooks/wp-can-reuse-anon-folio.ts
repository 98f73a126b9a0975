// wp_can_reuse_anon_folio (mm/memory.c): "folio_ref_count(folio) > 1" means
// someone else holds the folio and the write fault must copy it; the count
// is taken above the era's ZONE_DEVICE base reference (the 1-based eras).
import type { Era } from '../../eras/era.ts';
import { TYPE_RULES } from '../../type-rules.ts';
import type { Hooks } from '../hooks.ts';

export const wp_can_reuse_anon_folio =
  (era: Era): Hooks['wp_can_reuse_anon_folio'] =>
  (folio) =>
    folio.refcount - TYPE_RULES[folio.memoryType].refcount(era).base <= 1;
