// copy_nonpresent_pte (mm/memory.c): a device-private entry is shared and
// write-protected for COW; a device-exclusive entry is first restored in the
// parent (try_restore_exclusive_pte) and copied as a present PTE.
import { match } from 'ts-pattern';
import type { Era } from '../../eras/era.ts';
import type { CopyNonpresentDecision, Hooks } from '../hooks.ts';

export const copy_nonpresent_pte =
  (_era: Era): Hooks['copy_nonpresent_pte'] =>
  (entry) =>
    match(entry.kind)
      .with('device-private', (): CopyNonpresentDecision => 'share-readonly')
      .with('device-exclusive', (): CopyNonpresentDecision => 'restore-then-copy')
      .exhaustive();
