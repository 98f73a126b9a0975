// Device migration (mm/migrate_device.c): collect → unmap (+ the pinned-page
// check) → the driver allocates destinations → migrate_vma_pages →
// migrate_vma_finalize. Shared by the dmirror driver, do_swap_page's
// migrate_to_ram, migrate_device_range and GUP's migrate_device_coherent_folio.
import { match } from 'ts-pattern';
import { TYPE_RULES } from '../type-rules.ts';
import { ZERO_PFN } from '../vocabulary.ts';
import { folioView, frameType, pgmapView } from './folio-view.ts';
import type { PteOnInsert } from './hooks.ts';
import { type KernelState, type Proc, type Pte, page_pgmap, rmapKey, rmapProc, rmapVpn, slotOf, vma_lookup } from './kstate.ts';
import { mem_cgroup_charge, mem_cgroup_migrate } from './memcontrol.ts';
import { PG_anon, PG_lru } from './memmap.ts';
import { ptep_clear_mapped, set_pte_mapped } from './pgtable.ts';
import { rmap_walk } from './rmap.ts';
import { folio_get, folio_put } from './swap.ts';

/** One src/dst pair (migrate->src[i] / dst[i] with their MIGRATE_PFN_* bits). */
export interface MigrateEntry {
  /** Source slot; -1 for a hole to populate. */
  src: number;
  dst: number;
  /** MIGRATE_PFN_MIGRATE. */
  migrate: boolean;
  /** Already put back by migrate_device_unmap's restore pass (src[i] = 0). */
  restored: boolean;
  /** For holes: where to insert. */
  proc: Proc | null;
  vpn: number;
  /** MIGRATE_PFN_WRITE. */
  write: boolean;
  /** rmap keys of the migration entries standing in for the source's mappings. */
  migrations: number[];
  wasLru: boolean;
}

/** MIGRATE_VMA_SELECT_* and migrate->pgmap_owner (null: no owner checks, before ~v5.7). */
export interface MigrateSelect {
  readonly system: boolean;
  readonly devicePrivate: boolean;
  readonly deviceCoherent: boolean;
  readonly owner: string | null;
}

export function newEntry(src: number, proc: Proc | null, vpn: number, write: boolean): MigrateEntry {
  return { src, dst: -1, migrate: true, restored: false, proc, vpn, write, migrations: [], wasLru: false };
}

const ownerOk = (k: KernelState, slot: number, owner: string | null): boolean => owner === null || page_pgmap(k, slot)?.owner === owner;

/** migrate_vma_setup (mm/migrate_device.c): collect, then unmap and check. The caller did the VMA checks. */
export function migrate_vma_setup(k: KernelState, p: Proc, start: number, npages: number, sel: MigrateSelect, faultSlot: number): MigrateEntry[] {
  const entries = migrate_vma_collect(k, p, start, npages, sel);
  migrate_device_unmap(k, entries, faultSlot);
  return entries;
}

/**
 * migrate_vma_collect / migrate_vma_collect_pmd (mm/migrate_device.c):
 * holes (and the zero page) of anonymous VMAs become entries to populate;
 * selected pages get the collect reference and a migration entry in place of
 * this PTE (the PTE's mapping reference is dropped).
 */
export function migrate_vma_collect(k: KernelState, p: Proc, start: number, npages: number, sel: MigrateSelect): MigrateEntry[] {
  const entries: MigrateEntry[] = [];
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
    const slot = pte.kind === 'hwpoison' || pte.kind === 'migration' ? -1 : slotOf(k, pte.pfn);
    const selected = match(pte.kind)
      .with('device-private', () => sel.devicePrivate && ownerOk(k, slot, sel.owner))
      .with('present', 'present-devmap', () => migrate_vma_collect_present(k, slot, sel))
      .with('device-exclusive', 'hwpoison', 'migration', () => false)
      .exhaustive();
    if (!selected) continue;
    folio_get(k, slot);
    const e = newEntry(slot, p, vpn, pte.write);
    install_migration_entry(k, p, vpn, e);
    entries.push(e);
  }
  return entries;
}

/** The present-PTE branch of migrate_vma_collect_pmd: vm_normal_page, SELECT_* and "!page->mapping" skips. */
function migrate_vma_collect_present(k: KernelState, slot: number, sel: MigrateSelect): boolean {
  return match(TYPE_RULES[frameType(k, slot)].snapshotClass)
    .with('system', () => sel.system && (k.mem.has(slot, PG_anon) || (k.mem.file[slot] ?? -1) >= 0))
    .with('device-coherent', () => sel.deviceCoherent && ownerOk(k, slot, sel.owner))
    .with('device-private', 'dax', () => false) // never vm_normal_page / no anon mapping
    .exhaustive();
}

/** Replace a mapping PTE with a migration entry, dropping the mapping's rmap and reference. */
function install_migration_entry(k: KernelState, p: Proc, vpn: number, e: MigrateEntry): void {
  const pte = p.ptes.get(vpn);
  if (!pte) return;
  const put = ptep_clear_mapped(k, p, vpn);
  p.ptes.set(vpn, { kind: 'migration', pfn: pte.pfn, write: pte.write, was: pte });
  e.migrations.push(rmapKey(p.num, vpn));
  if (put >= 0) folio_put(k, put);
}

/** try_to_migrate (mm/rmap.c): every remaining mapping of the source becomes a migration entry. */
function try_to_migrate(k: KernelState, e: MigrateEntry): void {
  for (const key of rmap_walk(k, e.src)) {
    const p = k.procs.get(rmapProc(key));
    if (p) install_migration_entry(k, p, rmapVpn(key), e);
  }
}

/**
 * migrate_device_unmap (mm/migrate_device.c): isolate non-device folios from
 * the LRU, try_to_migrate what is still mapped, then reject (and restore)
 * folios still mapped or failing migrate_vma_check_page.
 */
export function migrate_device_unmap(k: KernelState, entries: MigrateEntry[], faultSlot: number): void {
  const m = k.mem;
  for (const e of entries) {
    if (e.src < 0 || !e.migrate) continue;
    if ((m.pgmap[e.src] ?? -1) < 0) {
      e.wasLru = m.has(e.src, PG_lru); // folio_isolate_lru
      m.set(e.src, PG_lru, false);
    }
    if ((m.mapcount[e.src] ?? 0) > 0) try_to_migrate(k, e);
    const ok = (m.mapcount[e.src] ?? 0) === 0 && migrate_vma_check_page(k, e.src, faultSlot);
    if (!ok) {
      k.events.push({ ev: 'migrate-skip', pfn: m.pfn[e.src] ?? -1, reason: 'refs' });
      migrate_vma_restore(k, e);
    }
  }
}

/** migrate_vma_check_page (mm/migrate_device.c): the proposal's hook decides. */
export function migrate_vma_check_page(k: KernelState, slot: number, faultSlot: number): boolean {
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

/** The entry remove_migration_pte / migrate_vma_insert_page builds for a folio. */
function entry_kind_for(k: KernelState, slot: number): PteOnInsert {
  const pg = page_pgmap(k, slot);
  return pg ? k.hooks.migrate_vma_insert_page(pgmapView(k, pg.num)) : 'present';
}

/**
 * remove_migration_ptes (mm/migrate.c): each migration entry becomes a
 * mapping of `target` — the original entry when the source stays, else the
 * destination's kind with the same write bit.
 */
function remove_migration_ptes(k: KernelState, e: MigrateEntry, target: number): void {
  for (const key of e.migrations) {
    const p = k.procs.get(rmapProc(key));
    const vpn = rmapVpn(key);
    const pte = p?.ptes.get(vpn);
    if (!p || !pte || pte.kind !== 'migration') continue;
    if (target === e.src && pte.was) {
      set_pte_mapped(k, p, vpn, { ...pte.was });
      continue;
    }
    const kind = entry_kind_for(k, target);
    const restored: Pte = { kind: kind === 'unsupported' ? 'present' : kind, pfn: k.mem.pfn[target] ?? -1, write: pte.write };
    set_pte_mapped(k, p, vpn, restored);
  }
  e.migrations = [];
}

/**
 * migrate_vma_pages / migrate_device_pages → __migrate_device_pages: holes
 * get migrate_vma_insert_page; a device destination refuses a source with a
 * mapping (page cache) and unsupported pgmap types; then
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
      if ((m.file[e.src] ?? -1) >= 0 || !m.has(e.src, PG_anon)) {
        k.events.push({ ev: 'migrate-skip', pfn: m.pfn[e.src] ?? -1, reason: 'not-anon' });
        e.migrate = false;
        continue;
      }
    }
    if (!folio_migrate_mapping(k, e.src, e.src === faultSlot ? 1 : 0)) {
      k.events.push({ ev: 'migrate-skip', pfn: m.pfn[e.src] ?? -1, reason: 'refs' });
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
  return (k.mem.refcount[slot] ?? 0) === k.hooks.expected_page_refs(folioView(k, slot)) + extraCount;
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
  if (cur) ptep_clear_mapped(k, p, e.vpn); // ptep_clear_flush of the zero page (no reference)
  mem_cgroup_charge(k, e.dst, p.memcg);
  k.mem.set(e.dst, PG_anon, true); // folio_add_new_anon_rmap
  if (k.hooks.folio_add_lru(folioView(k, e.dst))) k.mem.set(e.dst, PG_lru, true);
  set_pte_mapped(k, p, e.vpn, { kind, pfn: k.mem.pfn[e.dst] ?? -1, write: e.write });
}

/**
 * migrate_vma_finalize / migrate_device_finalize → __migrate_device_finalize:
 * failed entries drop the destination and restore the source; moved ones map
 * the destination where the source was, drop the source's collect reference
 * (freeing it when unused) and the destination's allocation reference. Only
 * the surviving non-device folio goes on the LRU (BUG-15).
 */
export function migrate_vma_finalize(k: KernelState, entries: MigrateEntry[]): void {
  for (const e of entries) {
    if (e.src < 0) {
      if (e.dst >= 0) folio_put(k, e.dst);
      continue;
    }
    if (e.restored) continue;
    if (!e.migrate) {
      if (e.dst >= 0) folio_put(k, e.dst);
      migrate_vma_restore(k, e);
      continue;
    }
    if (k.hooks.folio_add_lru(folioView(k, e.dst))) k.mem.set(e.dst, PG_lru, true);
    remove_migration_ptes(k, e, e.dst);
    k.events.push({ ev: 'migrate', from: k.mem.pfn[e.src] ?? -1, to: k.mem.pfn[e.dst] ?? -1 });
    folio_put(k, e.src);
    folio_put(k, e.dst);
  }
}

/** Entries that moved (the driver's cpages). */
export const movedCount = (entries: readonly MigrateEntry[]): number => entries.filter((e) => e.migrate && !e.restored).length;
