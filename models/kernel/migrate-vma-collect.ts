// The first half of a device migration (mm/migrate_device.c):
// migrate_vma_setup → migrate_vma_collect (the caller's selection, a
// migration entry in place of each collected PTE) → migrate_device_unmap
// (try_to_migrate the remaining mappings, then the pinned-page check;
// rejected folios are restored at once).
import { match } from 'ts-pattern';
import { ZERO_PFN } from '../vocabulary.ts';
import { folioView } from './folio-view.ts';
import { type KernelState, type Proc, slotOf, vma_lookup } from './kstate.ts';
import { PG_lru } from './memmap.ts';
import { type MigrateEntry, type MigrateSelect, newEntry } from './migrate-entry.ts';
import { remove_migration_ptes } from './remove-migration-ptes.ts';
import { folio_get, folio_put } from './swap.ts';
import { install_migration_entry, try_to_migrate } from './try-to-migrate.ts';

/**
 * A task racing the migration (migrate-racing-fault.ts): called for each
 * collected page once all its mappings are migration entries, before
 * migrate_vma_check_page looks at its count.
 */
export type MigrationRacer = (e: MigrateEntry) => void;

/**
 * migrate_vma_collect / migrate_vma_collect_pmd (mm/migrate_device.c):
 * holes (and the zero page) of anonymous VMAs become entries to populate;
 * pages the proposal's migrate_vma_collect_pmd selects get the collect
 * reference and a migration entry in place of this PTE (the PTE's mapping
 * reference is dropped). A migration started as a thread (k.collectAt
 * armed) that cleared a present PTE stops past pte_unmap_unlock, with the
 * translations the proposal's flush_tlb_range left for after it (threads.ts).
 */
export function migrate_vma_collect(k: KernelState, p: Proc, start: number, npages: number, sel: MigrateSelect): MigrateEntry[] {
  const entries: MigrateEntry[] = [];
  const cleared: { readonly slot: number; readonly vpn: number; readonly pfn: number }[] = [];
  for (let vpn = start; vpn < start + npages; vpn++) {
    const vma = vma_lookup(p, vpn);
    if (!vma) continue;
    const pte = p.ptes.get(vpn);
    if (!pte || (pte.kind === 'present' && pte.pfn === ZERO_PFN)) {
      // migrate_vma_collect_hole: only anonymous VMAs; only a SELECT_SYSTEM
      // caller has destinations for holes (dmirror's fault path skips them).
      if (sel.system && vma.kind === 'anon' && !vma.shared) entries.push(newEntry(-1, p, vpn, vma.prot === 'write'));
      continue;
    }
    const via = match(pte.kind)
      .with('device-private', () => 'device-private' as const)
      .with('present', 'present-devmap', () => 'present' as const)
      .with('device-exclusive', 'hwpoison', 'migration', () => null)
      .exhaustive();
    if (via === null) continue;
    const slot = slotOf(k, pte.pfn);
    if (!k.hooks.migrate_vma_collect_pmd(folioView(k, slot), { via, ...sel })) continue;
    folio_get(k, slot);
    const e = newEntry(slot, p, vpn, pte.write);
    install_migration_entry(k, p, vpn, e, 'migrate_vma_collect_pmd');
    entries.push(e);
    if (via === 'present') cleared.push({ slot, vpn, pfn: pte.pfn });
  }
  if (k.collectAt !== undefined && cleared.length > 0) {
    const late = cleared.filter((c) => k.hooks.flush_tlb_range(folioView(k, c.slot), { site: 'migrate_vma_collect_pmd' }) === 'unlock-then-flush');
    k.collectAt.paused = { stale: late.map(({ vpn, pfn }) => ({ vpn, pfn })) };
  }
  return entries;
}

/**
 * migrate_device_unmap (mm/migrate_device.c): isolate non-device folios from
 * the LRU, try_to_migrate what is still mapped, then reject (and restore)
 * folios still mapped or failing migrate_vma_check_page. A racing task
 * lands between the two (MigrationRacer).
 */
export function migrate_device_unmap(k: KernelState, entries: MigrateEntry[], faultSlot: number, racer?: MigrationRacer): void {
  const m = k.mem;
  for (const e of entries) {
    if (e.src < 0 || !e.migrate) continue;
    if ((m.pgmap[e.src] ?? -1) < 0) {
      e.wasLru = m.has(e.src, PG_lru); // folio_isolate_lru
      m.set(e.src, PG_lru, false);
    }
    if ((m.mapcount[e.src] ?? 0) > 0) try_to_migrate(k, e);
    racer?.(e);
    const ok = (m.mapcount[e.src] ?? 0) === 0 && migrate_vma_check_page(k, e.src, faultSlot);
    if (!ok) {
      k.events.push({ ev: 'migrate-skip', pfn: m.pfn[e.src] ?? -1, reason: e.waiter ? 'waiter' : 'refs' });
      migrate_vma_restore(k, e);
    }
  }
}

/** migrate_vma_check_page (mm/migrate_device.c): the proposal's hook decides. */
function migrate_vma_check_page(k: KernelState, slot: number, faultSlot: number): boolean {
  return k.hooks.migrate_vma_check_page(folioView(k, slot), { isFaultPage: slot === faultSlot });
}

/** The restore pass: remove_migration_ptes(src, src), putback, drop the collect reference. */
export function migrate_vma_restore(k: KernelState, e: MigrateEntry): void {
  remove_migration_ptes(k, e, e.src);
  if (e.wasLru) k.mem.set(e.src, PG_lru, true); // folio_putback_lru
  e.migrate = false;
  e.restored = true;
  folio_put(k, e.src);
}
