// mm/memremap.c: memunmap_pages — percpu_ref_kill, then
// wait_for_completion until every page reference is gone (docs §1). The
// model cannot wait: while any frame is in use or mapped it returns -EBUSY
// with the pgmap killed (irreversible); the driver must evict and retry.
import { EINVAL, pgmapOf } from '../handles.ts';
import { writablePgmap } from '../draft.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';

export const memunmapPages: OpSpec<'memunmap_pages'> = (era, state, args) =>
  deterministic<'memunmap_pages'>(era, state, (ctx) => {
    const found = pgmapOf(ctx, args.pgmap);
    if (!found || found.removed) return EINVAL;
    const pgmap = writablePgmap(ctx, args.pgmap);
    pgmap.killed = true;
    const end = pgmap.start + pgmap.npages;
    const ours = (pfn: number) => pfn >= pgmap.start && pfn < end;
    const inUse = Object.values(ctx.s.frames).some((f) => ours(f.pfn) && f.inUse);
    const mapped = Object.values(ctx.s.procs).some((p) => Object.values(p.ptes).some((pte) => pte.kind !== 'hwpoison' && ours(pte.pfn)));
    if (inUse || mapped) return { errno: 'EBUSY' };
    pgmap.removed = true;
    return {};
  });
