// Migrating device pages without knowing the VMAs (mm/migrate_device.c):
// driver eviction by pfn range (migrate_device_range, v6.1 e778406b40db) and
// GUP's long-term pin of a coherent page (migrate_device_coherent_page,
// v6.0; migrate_device_coherent_folio since the folio conversion).
import type { OpArgs, OpResult } from '../ops.ts';
import { EINVAL, getPgmap } from './handles.ts';
import type { KernelState } from './kstate.ts';
import { type MigrateEntry, movedCount, newEntry } from './migrate-entry.ts';
import { migrate_device_unmap } from './migrate-vma-collect.ts';
import { migrate_vma_finalize, migrate_vma_pages } from './migrate-vma-pages.ts';
import { alloc_page, alloc_page_nofail } from './page-alloc.ts';
import { folio_get } from './swap.ts';
import { MAP_BY } from '../map-by.ts';

/**
 * migrate_device_range + migrate_device_pages + migrate_device_finalize, as
 * dmirror_device_evict_chunk drives them: every page of the pgmap that
 * migrate_device_pfn_lock's folio_get_nontail_page (get_page_unless_zero)
 * gets a reference on moves to system RAM allocated with __GFP_NOFAIL. In
 * the eras that have it free PRIVATE/COHERENT pages idle at 0, so that is
 * every page in use — except one whose final put is still in
 * free_zone_device_folio (threads.ts), at 0 though not yet on the driver's
 * free list. Before v6.1 the function does not exist
 * (era.migrateDeviceRange): EINVAL, as for a driver ioctl it cannot serve.
 */
export function migrate_device_range(k: KernelState, a: OpArgs['migrate_device_range']): OpResult<'migrate_device_range'> {
  if (!k.era.migrateDeviceRange) return EINVAL;
  const pg = getPgmap(k, a.pgmap);
  if (!pg || pg.removed || MAP_BY[pg.type] !== 'migrate') return EINVAL;
  const entries: MigrateEntry[] = [];
  for (let i = 0; i < pg.npages; i++) {
    const slot = pg.slot + i;
    if ((k.mem.refcount[slot] ?? 0) === 0) continue;
    folio_get(k, slot);
    entries.push(newEntry(slot, null, -1, false));
  }
  migrate_device_unmap(k, entries, -1);
  for (const e of entries) {
    if (!e.migrate) continue;
    e.dst = alloc_page_nofail(k);
    if (e.dst < 0) k.events.push({ ev: 'migrate-skip', pfn: k.mem.pfn[e.src] ?? -1, reason: 'alloc' });
    else k.mem.data[e.dst] = k.mem.data[e.src] ?? 0; // copy_highpage before migrate_device_pages
  }
  migrate_vma_pages(k, entries, -1);
  migrate_vma_finalize(k, entries);
  return { cpages: movedCount(entries) };
}

/**
 * migrate_device_coherent_folio (mm/migrate_device.c), called by
 * migrate_longterm_unpinnable_folios with the GUP pin turned into one plain
 * reference, which serves as the collect reference: migrate_device_unmap
 * (migrate_vma_check_page), folio_alloc(GFP_USER) — fault injection applies
 * — then migrate_device_pages (folio_migrate_mapping's exact count),
 * folio_copy only if it moves (a destination put back keeps its old
 * content) and migrate_device_finalize. Returns the slot of the folio it
 * moved to, or -1 when it did not move.
 */
export function migrate_device_coherent_folio(k: KernelState, slot: number): number {
  const e = newEntry(slot, null, -1, false);
  const entries = [e];
  migrate_device_unmap(k, entries, -1);
  if (!e.migrate) return -1;
  e.dst = alloc_page(k);
  if (e.dst < 0) k.events.push({ ev: 'migrate-skip', pfn: k.mem.pfn[slot] ?? -1, reason: 'alloc' });
  migrate_vma_pages(k, entries, -1);
  if (e.migrate) k.mem.data[e.dst] = k.mem.data[slot] ?? 0; // folio_copy once it is sure to move
  migrate_vma_finalize(k, entries);
  return movedCount(entries) === 1 ? e.dst : -1;
}
