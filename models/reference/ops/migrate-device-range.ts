// Driver eviction (lib/test_hmm.c: dmirror_device_evict_chunk):
// mm/migrate_device.c: migrate_device_range over every pfn of the pgmap +
// migrate_device_pages + migrate_device_finalize (docs §1). Only pages in
// use are collected (folio_get_nontail_page skips free pages); destinations
// are allocated with __GFP_NOFAIL, so fail_next_alloc(system) does not apply.
import { EINVAL, frameOf, pgmapOf } from '../handles.ts';
import { migrateFinalize, migratePage, newBatch } from '../mm/migrate-pages.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';
import { MAP_BY } from '../../map-by.ts';

export const migrateDeviceRange: OpSpec<'migrate_device_range'> = (era, state, args) =>
  deterministic<'migrate_device_range'>(era, state, (ctx) => {
    // migrate_device_range is e778406b40db (v6.1): earlier kernels have no
    // eviction by pfn range, and the driver's ioctl fails.
    if (!era.migrateDeviceRange) return EINVAL;
    const pgmap = pgmapOf(ctx, args.pgmap);
    if (!pgmap || pgmap.removed || MAP_BY[pgmap.type] !== 'migrate') return EINVAL;
    const batch = newBatch();
    let cpages = 0;
    for (let i = 0; i < pgmap.npages; i++) {
      const pfn = pgmap.start + i;
      if (!frameOf(ctx, pfn).inUse) continue;
      if (migratePage(ctx, batch, pfn, { to: 'system', noFail: true }).moved) cpages++;
    }
    migrateFinalize(ctx, batch);
    return { cpages };
  });
