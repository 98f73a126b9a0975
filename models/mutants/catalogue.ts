// The mutation catalogue (zdspec mutate): every mutant, one file each. A
// test keeps it covering every hook and every expressible BUGS.md entry
// (bugs-not-expressible.ts says why the others are not).
import bug01GupPutFolioNoWakeup from './bug-01-gup-put-folio-no-wakeup.ts';
import bug02ReleasePagesPublicOnly from './bug-02-release-pages-public-only.ts';
import bug09CollectDropsDirty from './bug-09-collect-drops-dirty.ts';
import hookFolioMarkDirty from './hook-folio-mark-dirty.ts';
import hookDaxLayoutBusyPage from './hook-dax-layout-busy-page.ts';
import hookAddPageForMigration from './hook-add-page-for-migration.ts';
import hookMappingEvictFolio from './hook-mapping-evict-folio.ts';
import bug03FreePrivateAtOne from './bug-03-free-private-at-one.ts';
import bug18CoherentLongtermPin from './bug-18-coherent-longterm-pin.ts';
import bug22McHandleSwapPte from './bug-22-mc-handle-swap-pte.ts';
import bug25MfNoFallback from './bug-25-mf-no-fallback.ts';
import bug28MfCountIncreasedLeak from './bug-28-mf-count-increased-leak.ts';
import hookCopyNonpresentPte from './hook-copy-nonpresent-pte.ts';
import hookCopyPresentPtes from './hook-copy-present-ptes.ts';
import hookExpectedPageRefs from './hook-expected-page-refs.ts';
import hookFolioAddLru from './hook-folio-add-lru.ts';
import hookFolioIsLongtermPinnable from './hook-folio-is-longterm-pinnable.ts';
import hookFolioNeedsCowForDma from './hook-folio-needs-cow-for-dma.ts';
import hookFreeZoneDeviceFolio from './hook-free-zone-device-folio.ts';
import hookGetDevPagemap from './hook-get-dev-pagemap.ts';
import hookGetMctgtType from './hook-get-mctgt-type.ts';
import hookGupLongtermUnpinnable from './hook-gup-longterm-unpinnable.ts';
import hookHmmIsDevicePrivateEntry from './hook-hmm-is-device-private-entry.ts';
import hookMakeDeviceExclusive from './hook-make-device-exclusive.ts';
import hookMemoryFailureDevPagemap from './hook-memory-failure-dev-pagemap.ts';
import hookMemunmapPages from './hook-memunmap-pages.ts';
import hookMigrateDevicePages from './hook-migrate-device-pages.ts';
import hookMigrateLongtermUnpinnableFolios from './hook-migrate-longterm-unpinnable-folios.ts';
import hookLongtermPinDestination from './hook-longterm-pin-destination.ts';
import hookRemoveMigrationPtes from './hook-remove-migration-ptes.ts';
import hookMigrateVmaCheckPage from './hook-migrate-vma-check-page.ts';
import hookMigrateVmaCollectPmd from './hook-migrate-vma-collect-pmd.ts';
import hookMigrateVmaCollectPmdCoherent from './hook-migrate-vma-collect-pmd-coherent.ts';
import hookPutDevPagemap from './hook-put-dev-pagemap.ts';
import hookMigrateVmaInsertPage from './hook-migrate-vma-insert-page.ts';
import hookPageIsDevmapManaged from './hook-page-is-devmap-managed.ts';
import hookPgmapPfnValid from './hook-pgmap-pfn-valid.ts';
import hookPutRefPage from './hook-put-ref-page.ts';
import hookDoSwapPage from './hook-do-swap-page.ts';
import hookGetDevPagemapRef from './hook-get-dev-pagemap-ref.ts';
import hookGupFastPteRange from './hook-gup-fast-pte-range.ts';
import hookGupFast from './hook-gup-fast.ts';
import hookFlushTlbRange from './hook-flush-tlb-range.ts';
import hookFreeZoneDeviceFolioRef from './hook-free-zone-device-folio-ref.ts';
import hookMemunmapPagesKill from './hook-memunmap-pages-kill.ts';
import hookMigrateDeviceFinalize from './hook-migrate-device-finalize.ts';
import bug15FinalizePutbackDying from './bug-15-finalize-putback-dying.ts';
import hookRemoveMigrationPte from './hook-remove-migration-pte.ts';
import hookTryGrabFolioFast from './hook-try-grab-folio-fast.ts';
import hookUnmapAndKill from './hook-unmap-and-kill.ts';
import hookWpCanReuseAnonFolio from './hook-wp-can-reuse-anon-folio.ts';
import tableCoherentPteDevicePrivate from './table-coherent-pte-device-private.ts';
import tableFsdaxMemoryFailureRefuse from './table-fsdax-memory-failure-refuse.ts';
import tableGenericMemoryFailureRefuse from './table-generic-memory-failure-refuse.ts';
import tableP2pdmaFastGupGrab from './table-p2pdma-fast-gup-grab.ts';
import tablePrivateExpectedRefs from './table-private-expected-refs.ts';
import tablePrivateMctgtPage from './table-private-mctgt-page.ts';
import tablePrivateMemoryFailurePoison from './table-private-memory-failure-poison.ts';
import tablePrivateOnLru from './table-private-on-lru.ts';
import tablePublicOnLru from './table-public-on-lru.ts';
import type { Mutant } from './mutant.ts';

export const MUTANTS: readonly Mutant[] = [
  bug01GupPutFolioNoWakeup,
  bug02ReleasePagesPublicOnly,
  bug03FreePrivateAtOne,
  bug18CoherentLongtermPin,
  bug22McHandleSwapPte,
  bug25MfNoFallback,
  bug28MfCountIncreasedLeak,
  bug09CollectDropsDirty,
  bug15FinalizePutbackDying,
  hookAddPageForMigration,
  hookCopyNonpresentPte,
  hookCopyPresentPtes,
  hookExpectedPageRefs,
  hookDaxLayoutBusyPage,
  hookFolioAddLru,
  hookFolioMarkDirty,
  hookFolioIsLongtermPinnable,
  hookFolioNeedsCowForDma,
  hookFreeZoneDeviceFolio,
  hookGetDevPagemap,
  hookGetMctgtType,
  hookGupLongtermUnpinnable,
  hookHmmIsDevicePrivateEntry,
  hookMakeDeviceExclusive,
  hookMappingEvictFolio,
  hookMemoryFailureDevPagemap,
  hookMemunmapPages,
  hookMigrateDevicePages,
  hookMigrateLongtermUnpinnableFolios,
  hookLongtermPinDestination,
  hookMigrateVmaCheckPage,
  hookMigrateVmaCollectPmd,
  hookMigrateVmaCollectPmdCoherent,
  hookMigrateVmaInsertPage,
  hookPageIsDevmapManaged,
  hookPgmapPfnValid,
  hookDoSwapPage,
  hookGetDevPagemapRef,
  hookGupFastPteRange,
  hookGupFast,
  hookFlushTlbRange,
  hookFreeZoneDeviceFolioRef,
  hookMemunmapPagesKill,
  hookMigrateDeviceFinalize,
  hookRemoveMigrationPtes,
  hookPutRefPage,
  hookPutDevPagemap,
  hookRemoveMigrationPte,
  hookTryGrabFolioFast,
  hookUnmapAndKill,
  hookWpCanReuseAnonFolio,
  tableCoherentPteDevicePrivate,
  tableFsdaxMemoryFailureRefuse,
  tableGenericMemoryFailureRefuse,
  tableP2pdmaFastGupGrab,
  tablePrivateExpectedRefs,
  tablePrivateMctgtPage,
  tablePrivateMemoryFailurePoison,
  tablePrivateOnLru,
  tablePublicOnLru,
];

export function mutantById(id: string): Mutant | undefined {
  return MUTANTS.find((m) => m.id === id);
}
