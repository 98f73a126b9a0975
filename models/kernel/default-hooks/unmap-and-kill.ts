// mf_generic_kill_procs (mm/memory-failure.c): collect_procs(force_early)
// finds every process mapping the page, unmap_and_kill unmaps the largest
// mapping of it (unmap_mapping_range; one page with base pages only) and
// kill_procs sends each one SIGBUS: "all userspace consumption of
// ZONE_DEVICE memory necessitates SIGBUS (i.e. MF_MUST_KILL)".
import type { Era } from '../../eras/era.ts';
import type { Hooks, UnmapAndKillDecision } from '../hooks.ts';

const UNMAP_PAGE_KILL_MAPPERS: UnmapAndKillDecision = Object.freeze({ unmap: 'page', kill: 'mappers' });

export const unmap_and_kill =
  (_era: Era): Hooks['unmap_and_kill'] =>
  () =>
    UNMAP_PAGE_KILL_MAPPERS;
