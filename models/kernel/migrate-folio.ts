// migrate_pages for one isolated folio (mm/migrate.c migrate_pages_batch):
// migrate_folio_unmap allocates the destination and turns every mapping into
// a migration entry; migrate_folio_move → move_to_new_folio (the mapping's
// ->migrate_folio: folio_migrate_mapping's exact count, then
// folio_migrate_copy) and remove_migration_ptes, or the restore.
import { folioView } from './folio-view.ts';
import { NO_CTX } from './hook-views.ts';
import type { KernelState } from './kstate.ts';
import { mem_cgroup_migrate } from './memcontrol.ts';
import { PG_anon, PG_dirty, PG_lru } from './memmap.ts';
import { type MigrateEntry, newEntry } from './migrate-entry.ts';
import { alloc_page } from './page-alloc.ts';
import { remove_migration_ptes } from './remove-migration-ptes.ts';
import { folio_get, folio_put } from './swap.ts';
import { try_to_migrate } from './try-to-migrate.ts';

/** folio_putback_lru: back on the LRU, the isolation reference dropped. */
function putback(k: KernelState, slot: number): void {
  k.mem.set(slot, PG_lru, true);
  folio_put(k, slot);
}

/**
 * migrate_folio_unmap: dst = get_new_folio (alloc_migration_target: fault
 * injection applies) — none is -ENOMEM for the whole call, the folio put
 * back untouched — then try_to_migrate. Null on -ENOMEM.
 */
export function migrate_folio_unmap(k: KernelState, slot: number): MigrateEntry | null {
  const dst = alloc_page(k);
  if (dst < 0) {
    k.events.push({ ev: 'migrate-skip', pfn: k.mem.pfn[slot] ?? -1, reason: 'alloc' });
    putback(k, slot);
    return null;
  }
  const e = newEntry(slot, null, -1, false);
  e.dst = dst;
  try_to_migrate(k, e);
  return e;
}

/**
 * folio_migrate_mapping (mm/migrate.c): "folio_ref_count(folio) !=
 * expected_count" → -EAGAIN (the proposal's expected_page_refs: the
 * isolation reference and the page cache's). For a page-cache folio the
 * i_pages slot, the cache reference and PG_dirty move to the new folio.
 */
function folio_migrate_mapping(k: KernelState, src: number, dst: number): boolean {
  const m = k.mem;
  if ((m.refcount[src] ?? 0) !== k.hooks.expected_page_refs(folioView(k, src), NO_CTX)) return false;
  const file = m.file[src] ?? -1;
  if (file < 0) return true;
  const index = m.fileIndex[src] ?? -1;
  k.files.get(file)?.pages.set(index, m.pfn[dst] ?? -1);
  m.file[dst] = file;
  m.fileIndex[dst] = index;
  m.file[src] = -1;
  m.fileIndex[src] = -1;
  m.set(dst, PG_dirty, m.has(src, PG_dirty));
  m.set(src, PG_dirty, false);
  folio_get(k, dst); // "folio_ref_add(newfolio, nr); /* add cache reference */"
  folio_put(k, src); // "folio_ref_unfreeze(folio, expected_count - nr)"
  return true;
}

/**
 * migrate_folio_move: move_to_new_folio (folio_migrate_mapping, retried
 * NR_MAX_MIGRATE_PAGES_RETRY times — nothing changes between tries here —
 * then folio_migrate_copy: the data, the anon flag, mem_cgroup_migrate),
 * folio_add_lru(dst), remove_migration_ptes(src, dst); the isolation and
 * allocation references go. On failure the mappings are restored, the folio
 * put back and dst freed. True when the folio moved.
 */
export function migrate_folio_move(k: KernelState, e: MigrateEntry): boolean {
  const m = k.mem;
  const { src, dst } = e;
  if (!folio_migrate_mapping(k, src, dst)) {
    k.events.push({ ev: 'migrate-skip', pfn: m.pfn[src] ?? -1, reason: 'refs' });
    remove_migration_ptes(k, e, src);
    putback(k, src);
    folio_put(k, dst);
    return false;
  }
  m.data[dst] = m.data[src] ?? 0;
  m.set(dst, PG_anon, m.has(src, PG_anon));
  mem_cgroup_migrate(k, src, dst);
  if (k.hooks.folio_add_lru(folioView(k, dst), NO_CTX)) m.set(dst, PG_lru, true);
  remove_migration_ptes(k, e, dst);
  k.events.push({ ev: 'migrate', from: m.pfn[src] ?? -1, to: m.pfn[dst] ?? -1 });
  folio_put(k, src);
  folio_put(k, dst);
  return true;
}
