// An era is a declarative profile of what one kernel release did: the facts
// the reference reads to decide which outcomes are allowed, and the defaults
// of the kernel model's proposal hooks. Each field cites where the fact comes
// from (KERNEL-SEMANTICS.md section, and the kernel function).
import type { Errno, MemoryType } from '../vocabulary.ts';

export const ERA_NAMES = ['v4.14', 'v5.x', 'v6.0', 'v6.1', 'v6.2', 'upstream'] as const;
export type EraName = (typeof ERA_NAMES)[number];

/**
 * How PRIVATE/COHERENT/PUBLIC pages are counted (KERNEL-SEMANTICS §2.1):
 * - 'extra-ref': idle at 1, an in-use page carries the base 1 on top of its
 *   users, page_free runs when the count drops to 1
 *   (put_zone_device_private_or_public_page, __put_devmap_managed_page).
 * - 'reset-to-one': in use counts users only; free_zone_device_page runs
 *   the driver callback at 0 and then set_page_count(page, 1) (27674ef6c73f).
 * - 'zero-idle': free pages sit at 0, zone_device_page_init sets 1
 *   (ef233450898f), free_zone_device_folio leaves 0.
 */
export type DeviceRefcountModel = 'extra-ref' | 'reset-to-one' | 'zero-idle';

/**
 * How FS_DAX (and HOST, GENERIC) pages are counted (§2.1, §2.2, §7):
 * - 'devmap': pte_devmap mappings take no page reference; idle at 1; a GUP
 *   reference lifts it; the idle wake-up fires when it drops back to 1
 *   (__put_devmap_managed_page, put_devmap_managed_folio_refs).
 * - 'refcounted': the fs/dax series (~v6.15): mappings take references,
 *   FS_DAX idles at 0 (wake_up_var at 0), GENERIC is reset to 1 when freed.
 */
export type DaxRefcountModel = 'devmap' | 'refcounted';

/**
 * What a FOLL_LONGTERM pin of a COHERENT (or PUBLIC) page may do (§4.3):
 * 'pin' (nothing stops it: v4.14 PUBLIC, the first DEVICE_COHERENT posting),
 * 'fail' (is_pinnable_page false → the pin fails, series v3/v4),
 * 'migrate' (migrate_device_coherent_folio then pin the copy),
 * 'migrate-or-fail' (the specification from v6.0 on allows either).
 */
export type LongtermCoherentRule = 'pin' | 'fail' | 'migrate' | 'migrate-or-fail';

/**
 * migrate_vma_check_page's rule for ZONE_DEVICE pages (§3.3), the pre-check
 * of migrate_device_unmap (folio_migrate_mapping's exact count follows in
 * every era):
 * 'private-always' (v4.14: device-private always passes, PUBLIC extra++),
 * 'private-only' (v5.3–v5.18: return is_device_private_page(page)),
 * 'device-always' (the DEVICE_COHERENT drafts, §1.5: return
 *   is_device_page(page): PRIVATE, COHERENT and PUBLIC always pass),
 * 'extra-ref' (~v5.19 on: extra++ then the generic refcount check).
 */
export type MigrateCheckRule = 'private-always' | 'private-only' | 'device-always' | 'extra-ref';

/**
 * What a task that faults on a migration entry does with a page reference
 * while it waits for the migration (mm/migrate.c migration_entry_wait):
 * 'held' (v4.14 __migration_entry_wait: get_page_unless_zero, then
 *   wait_on_page_locked and put_page — held across the whole wait, so the
 *   migration's count checks see it and the page does not move);
 * 'dropped-before-wait' (v5.0–v5.18: put_and_wait_on_page_locked drops it
 *   once the task is on the page's waitqueue);
 * 'none' (v5.19, ffa65753c431 "mm/migrate.c: rework migration_entry_wait()
 *   to not take a pageref": migration_entry_wait_on_locked keeps the PTE
 *   lock until the wait is set up and takes no reference).
 */
export type MigrationEntryWaitRef = 'held' | 'dropped-before-wait' | 'none';

export interface Era {
  readonly name: EraName;
  readonly title: string;
  /** enum memory_type values of the types this era has (§1.3). */
  readonly enumValues: Readonly<Partial<Record<MemoryType, number>>>;
  readonly deviceRefcount: DeviceRefcountModel;
  readonly daxRefcount: DaxRefcountModel;
  /**
   * pgmap->ref: 'per-pfn' — memremap_pages takes one reference per pfn for
   * every type (v5.3 memremap_pages, percpu_ref_get_many); 'per-alloc' —
   * PRIVATE/COHERENT take one per allocated page in zone_device_page_init
   * and drop it in free_zone_device_folio (0dc45ca1ce18, v6.1), other types
   * keep per-pfn (§2.4).
   */
  readonly pgmapRef: 'per-pfn' | 'per-alloc';
  /** FOLL_LONGTERM exists (~v5.2); in v4.14 the flag does not exist and is ignored. */
  readonly follLongterm: boolean;
  readonly longtermCoherent: LongtermCoherentRule;
  /** errno of a failed FOLL_LONGTERM pin of a COHERENT page ('fail' rule, or migration failure). */
  readonly longtermCoherentErrno: Errno;
  /** folio_is_longterm_pinnable is false for FS_DAX folios (fs/dax series, ~v6.15). */
  readonly fsdaxLongtermUnpinnable: boolean;
  /** check_vma_flags: FOLL_LONGTERM on a vma_is_fsdax VMA → -EOPNOTSUPP (v5.x to current). */
  readonly fsdaxVmaLongtermEopnotsupp: boolean;
  /** cgroup-v1 move_charge_at_immigrate exists (removed in v6.13, §5). */
  readonly chargeMoving: boolean;
  /** Types get_mctgt_type upgrades from MC_TARGET_PAGE to MC_TARGET_DEVICE (§5). */
  readonly mctgtDevice: readonly MemoryType[];
  /**
   * mc_handle_swap_pte sees device-private entries. False before v5.10:
   * BUG-22 (9a137153fc87) — non-swap entries were rejected first, so
   * device-private pages were never moved.
   */
  readonly mcHandlesDevicePrivate: boolean;
  /**
   * get_mctgt_type skips a page it reached through a non-present entry while
   * page_mapped() ("mm: memcontrol: skip moving non-present pages that are
   * mapped elsewhere", posted 6 Dec 2022, v6.2; gone with charge moving in
   * v6.13). A device-private entry is itself one of the page's mappings, so
   * device-private pages are never moved: MC_TARGET_NONE.
   */
  readonly mcSkipsMappedNonPresent: boolean;
  readonly migrateCheck: MigrateCheckRule;
  /** pgmap->owner matching in migrate_vma_collect and hmm_range_fault (~v5.7). */
  readonly ownerChecks: boolean;
  /** make_device_exclusive exists (v5.14). */
  readonly deviceExclusive: boolean;
  /** migrate_device_range exists (e778406b40db, v6.1): eviction by pfn range, without the VMAs. */
  readonly migrateDeviceRange: boolean;
  /** errno memory_failure returns for a PRIVATE/COHERENT/PUBLIC frame (§6). */
  readonly memoryFailureDeviceErrno: Errno;
  /** P2PDMA memory can be mmapped by user space (p2pmem_alloc_mmap, ~v6.2). */
  readonly p2pdmaUserMap: boolean;
  readonly migrationEntryWaitRef: MigrationEntryWaitRef;
  /**
   * move_pages' add_page_for_migration refuses a ZONE_DEVICE page with
   * -ENOENT (is_zone_device_page, with DEVICE_COHERENT in v6.0 — the only
   * ZONE_DEVICE pages follow_page returns from a migratable VMA); before,
   * such a page went on to isolate_lru_page, which fails (-EBUSY): it is
   * never on an LRU list.
   */
  readonly movePagesSkipsZoneDevice: boolean;
  /** Where each fact was checked. */
  readonly citations: readonly string[];
}
