// migrate_longterm_unpinnable_folios (mm/gup.c): after moving the folios it
// returns -EAGAIN, and __gup_longterm_locked pins the range again — so the
// pin lands on the copy the PTE now maps, never on the folio that moved.
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const migrate_longterm_unpinnable_folios =
  (_era: Era): Hooks['migrate_longterm_unpinnable_folios'] =>
  () =>
    'copy';
