// memunmap_pages (mm/memremap.c): after percpu_ref_kill it waits for
// pgmap->done, which completes when the last reference goes — so teardown
// finishes only when nothing holds the pgmap and no page of it is in use or
// mapped (the model refuses with -EBUSY where the kernel would wait).
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const memunmap_pages =
  (_era: Era): Hooks['memunmap_pages'] =>
  (_pgmap, ctx) =>
    ctx.ref === 0 && ctx.inUse === 0 && ctx.mapped === 0;
