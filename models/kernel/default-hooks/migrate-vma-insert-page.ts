// migrate_vma_insert_page / remove_migration_pte (mm/migrate_device.c,
// mm/migrate.c): the entry a page of this pgmap type gets (TYPE_RULES.pteOnMigrate).
import type { Era } from '../../eras/era.ts';
import { typeRules } from '../../type-rules.ts';
import type { Hooks } from '../hooks.ts';

export const migrate_vma_insert_page =
  (era: Era): Hooks['migrate_vma_insert_page'] =>
  (pgmap) =>
    typeRules(pgmap.type).pteOnMigrate(era);
