// remove_migration_ptes (mm/migrate.c) rebuilds every migration entry the
// rmap walk of the source finds: rmap_walk(dst or src, remove_migration_pte)
// over the folio's anon_vma (or mapping), whose interval tree holds every
// VMA that may map it — a child's that fork linked in (anon_vma_fork) while
// the migration was in flight included, whose copy_nonpresent_pte copied
// the migration entry (read-only in a COW mapping). The same in every era.
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const remove_migration_ptes =
  (_era: Era): Hooks['remove_migration_ptes'] =>
  () =>
    'rmap-walk';
