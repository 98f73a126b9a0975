// remove_migration_ptes (mm/migrate.c): every migration entry standing in
// for a folio becomes a mapping again — of the source when it stayed, of the
// destination when it moved — with the kind the pgmap type gets
// (migrate_vma_insert_page's hook) and the write bit remove_migration_pte
// decides (the migration entry's, by default). The PTE comes back dirty when
// the entry was and the folio still is: "if (folio_test_dirty(folio) &&
// is_migration_entry_dirty(entry)) pte = pte_mkdirty(pte)" (v6.1; before,
// it came back clean with the folio dirty — the same for writeback).
import { folioView, pgmapView } from './folio-view.ts';
import { NO_CTX } from './hook-views.ts';
import type { PteOnInsert } from './hooks.ts';
import { type KernelState, type Pte, page_pgmap, rmapKey, rmapProc, rmapVpn } from './kstate.ts';
import { PG_dirty } from './memmap.ts';
import type { MigrateEntry } from './migrate-entry.ts';
import { set_pte_mapped } from './pgtable.ts';

/** The entry remove_migration_pte / migrate_vma_insert_page builds for a folio. */
export function entry_kind_for(k: KernelState, slot: number): PteOnInsert {
  const pg = page_pgmap(k, slot);
  return pg ? k.hooks.migrate_vma_insert_page(pgmapView(k, pg.num), NO_CTX) : 'present';
}

/**
 * The migration entries standing in for `e`'s source, as rmap_walk finds
 * them (the proposal's remove_migration_ptes: 'rmap-walk', the kernel's)
 * — every process's PTE that is a migration entry of the source's pfn, one
 * a fork copied into a child since try_to_migrate included — or only those
 * the migration installed ('installed'). A copy is at the address of the
 * entry it was copied from (fork keeps addresses; the model has no
 * mremap), so the walk looks at those addresses in every process.
 */
function migration_entries(k: KernelState, e: MigrateEntry): number[] {
  if (e.src < 0 || k.hooks.remove_migration_ptes(folioView(k, e.src), NO_CTX) === 'installed') return e.migrations;
  const pfn = k.mem.pfn[e.src] ?? -1;
  const vpns = new Set(e.migrations.map(rmapVpn));
  const out: number[] = [];
  for (const p of k.procs.values()) {
    for (const vpn of vpns) {
      const pte = p.ptes.get(vpn);
      if (pte?.kind === 'migration' && pte.pfn === pfn) out.push(rmapKey(p.num, vpn));
    }
  }
  return out;
}

export function remove_migration_ptes(k: KernelState, e: MigrateEntry, target: number): void {
  const moved = target !== e.src;
  for (const key of migration_entries(k, e)) {
    const p = k.procs.get(rmapProc(key));
    const vpn = rmapVpn(key);
    const pte = p?.ptes.get(vpn);
    if (!p || !pte || pte.kind !== 'migration') continue;
    const write = k.hooks.remove_migration_pte(folioView(k, target), { write: pte.write, moved });
    const kind = entry_kind_for(k, target);
    const restored: Pte = !moved && pte.was ? { ...pte.was, write } : { kind: kind === 'unsupported' ? 'present' : kind, pfn: k.mem.pfn[target] ?? -1, write };
    if (pte.was?.dirty && k.mem.has(target, PG_dirty)) restored.dirty = true;
    else delete restored.dirty;
    set_pte_mapped(k, p, vpn, restored);
  }
  e.migrations = [];
}
