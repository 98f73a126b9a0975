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
import { type KernelState, type Pte, page_pgmap, rmapProc, rmapVpn } from './kstate.ts';
import { PG_dirty } from './memmap.ts';
import type { MigrateEntry } from './migrate-entry.ts';
import { set_pte_mapped } from './pgtable.ts';

/** The entry remove_migration_pte / migrate_vma_insert_page builds for a folio. */
export function entry_kind_for(k: KernelState, slot: number): PteOnInsert {
  const pg = page_pgmap(k, slot);
  return pg ? k.hooks.migrate_vma_insert_page(pgmapView(k, pg.num), NO_CTX) : 'present';
}

export function remove_migration_ptes(k: KernelState, e: MigrateEntry, target: number): void {
  const moved = target !== e.src;
  for (const key of e.migrations) {
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
