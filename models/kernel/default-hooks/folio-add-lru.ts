// folio_add_lru (mm/swap.c): migrate_vma_insert_page and
// __migrate_device_finalize skip ZONE_DEVICE folios (TYPE_RULES.onLru, §8).
import type { Era } from '../../eras/era.ts';
import { TYPE_RULES } from '../../type-rules.ts';
import type { Hooks } from '../hooks.ts';

export const folio_add_lru =
  (_era: Era): Hooks['folio_add_lru'] =>
  (folio) =>
    TYPE_RULES[folio.memoryType].onLru;
