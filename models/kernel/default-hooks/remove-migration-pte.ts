// remove_migration_pte (mm/migrate.c): the entry rebuilt from a migration
// entry is writable iff the migration entry was (is_writable_migration_entry
// → pte_mkwrite / make_writable_device_private_entry), whether it maps the
// destination or, when the page stayed, the source again.
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const remove_migration_pte =
  (_era: Era): Hooks['remove_migration_pte'] =>
  (_folio, ctx) =>
    ctx.write;
