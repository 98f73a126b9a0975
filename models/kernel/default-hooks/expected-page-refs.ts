// expected_page_refs (mm/migrate.c; folio_expected_ref_count since ~v6.16):
// the migration's own reference, the page cache's, and — where the era
// counts one — the ZONE_DEVICE base reference ("ZONE_DEVICE pages have 1
// refcount always held by their device", v4.14 to v5.17).
import type { Era } from '../../eras/era.ts';
import { TYPE_RULES } from '../../type-rules.ts';
import type { Hooks } from '../hooks.ts';

export const expected_page_refs =
  (era: Era): Hooks['expected_page_refs'] =>
  (folio) =>
    1 + TYPE_RULES[folio.memoryType].refcount(era).base + (folio.mapping === null ? 0 : 1);
