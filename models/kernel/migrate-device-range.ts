// Migrating device pages without knowing the VMAs (mm/migrate_device.c,
// v6.1 e778406b40db): driver eviction and GUP's long-term pin of a coherent
// page.
import type { OpArgs, OpResult } from '../ops.ts';
import { TYPE_RULES } from '../type-rules.ts';
import { folioView } from './folio-view.ts';
import { EINVAL, getPgmap } from './handles.ts';
import type { KernelState } from './kstate.ts';
import { PG_inuse } from './memmap.ts';
import {
  type MigrateEntry,
  migrate_device_unmap,
  migrate_vma_finalize,
  migrate_vma_pages,
  migrate_vma_restore,
  movedCount,
  newEntry,
} from './migrate-device.ts';
import { alloc_page, alloc_page_nofail } from './page-alloc.ts';
import { folio_get } from './swap.ts';

/**
 * migrate_device_range + migrate_device_pages + migrate_device_finalize, as
 * dmirror_device_evict_chunk drives them: every in-use page of the pgmap
 * (migrate_device_pfn_lock's folio_try_get skips free pages) moves to system
 * RAM allocated with __GFP_NOFAIL.
 */
export function migrate_device_range(k: KernelState, a: OpArgs['migrate_device_range']): OpResult<'migrate_device_range'> {
  const pg = getPgmap(k, a.pgmap);
  if (!pg || pg.removed || TYPE_RULES[pg.type].mapBy !== 'migrate') return EINVAL;
  const entries: MigrateEntry[] = [];
  for (let i = 0; i < pg.npages; i++) {
    const slot = pg.slot + i;
    if (!k.mem.has(slot, PG_inuse)) continue;
    folio_get(k, slot);
    entries.push(newEntry(slot, null, -1, false));
  }
  migrate_device_unmap(k, entries, -1);
  for (const e of entries) {
    if (!e.migrate) continue;
    e.dst = alloc_page_nofail(k);
    if (e.dst < 0) k.events.push({ ev: 'migrate-skip', pfn: k.mem.pfn[e.src] ?? -1, reason: 'alloc' });
  }
  migrate_vma_pages(k, entries);
  migrate_vma_finalize(k, entries);
  return { cpages: movedCount(entries) };
}

/**
 * migrate_device_coherent_folio (mm/migrate_device.c), called by
 * migrate_longterm_unpinnable_folios with the GUP pin turned into one plain
 * reference, which serves as the collect reference. Besides
 * migrate_vma_check_page, folio_migrate_mapping (mm/migrate.c) demands the
 * exact expected count; the model checks it before allocating the
 * destination so that a refused page leaves the allocator untouched (the
 * kernel allocates first and frees the unused destination). Returns whether
 * the folio moved.
 */
export function migrate_device_coherent_folio(k: KernelState, slot: number): boolean {
  const e = newEntry(slot, null, -1, false);
  const entries = [e];
  migrate_device_unmap(k, entries, -1);
  if (!e.migrate) return false;
  if ((k.mem.refcount[slot] ?? 0) !== k.hooks.expected_page_refs(folioView(k, slot))) {
    k.events.push({ ev: 'migrate-skip', pfn: k.mem.pfn[slot] ?? -1, reason: 'refs' });
    migrate_vma_restore(k, e);
    return false;
  }
  e.dst = alloc_page(k); // GFP_USER: fault injection applies
  if (e.dst < 0) {
    k.events.push({ ev: 'migrate-skip', pfn: k.mem.pfn[slot] ?? -1, reason: 'alloc' });
    migrate_vma_restore(k, e);
    return false;
  }
  migrate_vma_pages(k, entries);
  migrate_vma_finalize(k, entries);
  return e.migrate;
}
