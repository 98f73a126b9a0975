// hmm_is_device_private_entry (mm/hmm.c): a device-private entry is used in
// place only by the device that owns it (pgmap->owner ==
// range->dev_private_owner); any other is faulted back to RAM. Before the
// owner field (~v5.7) hmm_vma_walk_pmd used every device-private entry.
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const hmm_is_device_private_entry =
  (era: Era): Hooks['hmm_is_device_private_entry'] =>
  (folio, ctx) =>
    !era.ownerChecks || folio.owner === ctx.owner;
