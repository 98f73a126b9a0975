// The second half of a device migration (mm/migrate_device.c): the
// destinations are in place (allocated and filled by the caller), then
// migrate_vma_pages / migrate_device_pages move what can move and
// migrate_vma_finalize / migrate_device_finalize map the survivors.
import { ZERO_PFN } from '../vocabulary.ts';
import { folioView, pgmapView } from './folio-view.ts';
import { NO_CTX } from './hook-views.ts';
import { type KernelState, page_pgmap } from './kstate.ts';
import { mem_cgroup_charge, mem_cgroup_migrate } from './memcontrol.ts';
import { PG_anon, PG_lru } from './memmap.ts';
import type { MigrateEntry } from './migrate-entry.ts';
import { migrate_vma_restore } from './migrate-vma-collect.ts';
import { ptep_clear_mapped, set_pte_mapped } from './pgtable.ts';
import { entry_kind_for, remove_migration_ptes } from './remove-migration-ptes.ts';
import { folio_put } from './swap.ts';

/**
 * migrate_vma_pages / migrate_device_pages → __migrate_device_pages: holes
 * get migrate_vma_insert_page; a device destination refuses unsupported
 * pgmap types and whatever source the proposal's migrate_device_pages
 * refuses (by default one with a mapping: the page cache); then
 * folio_migrate_mapping demands the exact expected count; otherwise the
 * memcg charge (mem_cgroup_migrate) and the anon flag move to the
 * destination. The data was copied by the caller (the driver, before) or is
 * copied after (migrate_device_coherent_folio). `faultSlot` is
 * migrate->fault_page (extra_cnt = 1).
 */
export function migrate_vma_pages(k: KernelState, entries: MigrateEntry[], faultSlot: number): void {
  const m = k.mem;
  for (const e of entries) {
    if (!e.migrate) continue;
    if (e.dst < 0) {
      e.migrate = false;
      continue;
    }
    if (e.src < 0) {
      migrate_vma_insert_page(k, e);
      continue;
    }
    if ((m.pgmap[e.dst] ?? -1) >= 0) {
      if (entry_kind_for(k, e.dst) === 'unsupported') {
        e.migrate = false; // "Other types of ZONE_DEVICE page are not supported"
        continue;
      }
      if (!k.hooks.migrate_device_pages(folioView(k, e.src), { pgmap: pgmapView(k, m.pgmap[e.dst] ?? -1) })) {
        k.events.push({ ev: 'migrate-skip', pfn: m.pfn[e.src] ?? -1, reason: 'not-anon' });
        e.migrate = false;
        continue;
      }
    }
    if (!folio_migrate_mapping(k, e.src, e.src === faultSlot ? 1 : 0)) {
      k.events.push({ ev: 'migrate-skip', pfn: m.pfn[e.src] ?? -1, reason: e.waiter ? 'waiter' : 'refs' });
      e.migrate = false;
      continue;
    }
    mem_cgroup_migrate(k, e.src, e.dst);
    m.set(e.dst, PG_anon, m.has(e.src, PG_anon)); // folio_migrate_flags / anon mapping
  }
}

/**
 * folio_migrate_mapping (mm/migrate.c; migrate_page_move_mapping before
 * v6.0): "if (folio_ref_count(folio) != expected_count) return -EAGAIN" with
 * expected_count = expected_page_refs (folio_expected_ref_count + 1 since
 * ~v6.16) + extra_count. The extra++ slack of migrate_vma_check_page never
 * lets a folio with an unexpected reference get past this (docs §0 "The
 * refcount check").
 */
function folio_migrate_mapping(k: KernelState, slot: number, extraCount: number): boolean {
  return (k.mem.refcount[slot] ?? 0) === k.hooks.expected_page_refs(folioView(k, slot), NO_CTX) + extraCount;
}

/**
 * migrate_vma_insert_page (mm/migrate_device.c): map a new page into a hole —
 * charge it to the mm's memcg, build the entry the pgmap type gets, abort if
 * the PTE is no longer none or the zero page.
 */
export function migrate_vma_insert_page(k: KernelState, e: MigrateEntry): void {
  const p = e.proc;
  const kind = entry_kind_for(k, e.dst);
  const cur = p?.ptes.get(e.vpn);
  if (!p || kind === 'unsupported' || (cur && !(cur.kind === 'present' && cur.pfn === ZERO_PFN))) {
    e.migrate = false;
    return;
  }
  if (cur) ptep_clear_mapped(k, p, e.vpn, null); // ptep_clear_flush of the zero page (no reference)
  mem_cgroup_charge(k, e.dst, p.memcg);
  k.mem.set(e.dst, PG_anon, true); // folio_add_new_anon_rmap
  if (k.hooks.folio_add_lru(folioView(k, e.dst), NO_CTX)) k.mem.set(e.dst, PG_lru, true);
  set_pte_mapped(k, p, e.vpn, { kind, pfn: k.mem.pfn[e.dst] ?? -1, write: e.write });
}

/**
 * migrate_vma_finalize / migrate_device_finalize → __migrate_device_finalize:
 * failed entries drop the destination and restore the source; moved ones map
 * the destination where the source was, drop the source's collect reference
 * (freeing it when unused) and the destination's allocation reference. Only
 * the surviving non-device folio goes on the LRU (BUG-15; the proposal's
 * migrate_device_finalize).
 */
export function migrate_vma_finalize(k: KernelState, entries: MigrateEntry[]): void {
  for (const e of entries) if (finalize_publish(k, e)) finalize_release(k, e);
}

/**
 * One entry of __migrate_device_finalize up to its puts. True for an entry
 * that moved: its destination is mapped where the source was (on the LRU
 * when it is a system folio), and, where the proposal's
 * migrate_device_finalize says so, the dying source too (folio_putback_lru's
 * folio_add_lru); its folio_puts are finalize_release's. The other entries
 * are done here. The interleaving point 'migrate_device_finalize:
 * folio_putback_lru' (threads.ts) lies between the two.
 */
export function finalize_publish(k: KernelState, e: MigrateEntry): boolean {
  if (e.src < 0) {
    if (e.dst >= 0) folio_put(k, e.dst);
    return false;
  }
  if (e.restored) return false;
  if (!e.migrate) {
    if (e.dst >= 0) folio_put(k, e.dst);
    migrate_vma_restore(k, e);
    return false;
  }
  if (k.hooks.folio_add_lru(folioView(k, e.dst), NO_CTX)) k.mem.set(e.dst, PG_lru, true);
  if (page_pgmap(k, e.src) === undefined && k.hooks.migrate_device_finalize(folioView(k, e.src), NO_CTX)) k.mem.set(e.src, PG_lru, true);
  remove_migration_ptes(k, e, e.dst);
  k.events.push({ ev: 'migrate', from: k.mem.pfn[e.src] ?? -1, to: k.mem.pfn[e.dst] ?? -1 });
  return true;
}

/** The puts of an entry that moved: the source's collect reference (its free when unused) and the destination's allocation reference. */
export function finalize_release(k: KernelState, e: Pick<MigrateEntry, 'src' | 'dst'>): void {
  folio_put(k, e.src);
  folio_put(k, e.dst);
}
