// Replacing a folio's mappings with migration entries (mm/rmap.c
// try_to_migrate / try_to_migrate_one; migrate_vma_collect_pmd for the PTE
// it collects): each PTE is cleared — handing its dirty bit to the folio —
// and a migration entry remembering it takes its place, so
// remove_migration_ptes can rebuild it (remove-migration-ptes.ts).
import type { DirtySite } from './hooks.ts';
import { type KernelState, type Proc, rmapKey, rmapProc, rmapVpn } from './kstate.ts';
import type { MigrateEntry } from './migrate-entry.ts';
import { ptep_clear_mapped } from './pgtable.ts';
import { rmap_walk } from './rmap.ts';
import { folio_put } from './swap.ts';

/** Replace a mapping PTE with a migration entry, dropping the mapping's rmap and reference. */
export function install_migration_entry(k: KernelState, p: Proc, vpn: number, e: MigrateEntry, site: DirtySite): void {
  const pte = p.ptes.get(vpn);
  if (!pte) return;
  const put = ptep_clear_mapped(k, p, vpn, site);
  p.ptes.set(vpn, { kind: 'migration', pfn: pte.pfn, write: pte.write, was: pte });
  e.migrations.push(rmapKey(p.num, vpn));
  if (put >= 0) folio_put(k, put);
}

/** try_to_migrate (mm/rmap.c): every remaining mapping of the source becomes a migration entry. */
export function try_to_migrate(k: KernelState, e: MigrateEntry): void {
  for (const key of rmap_walk(k, e.src)) {
    const p = k.procs.get(rmapProc(key));
    if (p) install_migration_entry(k, p, rmapVpn(key), e, 'try_to_migrate_one');
  }
}
