// memunmap_pages (mm/memremap.c): after percpu_ref_kill it waits for
// pgmap->done, which completes when the last reference goes. Where every
// page handed out holds a reference (per allocation: v6.1+ PRIVATE and
// COHERENT, zone_device_page_init ↔ free_zone_device_folio) that wait is
// the whole condition, as in the kernel: at a step boundary a page in use
// always holds one, and only a free stopped between its put and the
// driver's page_free can tell the two apart (threads.ts). Where the
// references are per pfn, memunmap_pages drops them itself and would tear
// down pages still in use or mapped: the model refuses those too. The
// model answers -EBUSY where the kernel would wait for ever.
import type { Era } from '../../eras/era.ts';
import { TYPE_RULES } from '../../type-rules.ts';
import type { Hooks } from '../hooks.ts';

export const memunmap_pages =
  (era: Era): Hooks['memunmap_pages'] =>
  (pgmap, ctx) =>
    ctx.ref === 0 && (TYPE_RULES[pgmap.type].pgmapRefPerAlloc(era) || (ctx.inUse === 0 && ctx.mapped === 0));
