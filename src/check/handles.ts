// Live handles of the current abstract state, and the resolution of a
// generated index against them. Commands are generated as small indices and
// resolved at run time (DESIGN §6), so a shrunk or reordered sequence still
// names handles that exist, and few commands are skipped.
import type { AbsProc, AbsState } from '../../models/state.ts';
import type { Era } from '../../models/eras/era.ts';
import type { FileId, MemcgId, MemoryType, PgmapId, PinId, ProcId, RefId, Vpn } from '../../models/vocabulary.ts';
import { MAP_BY } from '../../models/map-by.ts';

/** Picks `list[index mod length]`; undefined when the list is empty. */
export function pick<T>(list: readonly T[], index: number): T | undefined {
  return list.length === 0 ? undefined : list[index % list.length];
}

// Handle names sort by their number, so index 0 is the oldest handle (p0,
// pgmap0, ...) and shrinking indices towards 0 moves towards it.
const byNumber = (a: string, b: string): number => Number(a.replace(/\D+/, '')) - Number(b.replace(/\D+/, ''));

export const liveProcs = (s: AbsState): ProcId[] => (Object.keys(s.procs) as ProcId[]).sort(byNumber);
export const liveRefs = (s: AbsState): RefId[] => (Object.keys(s.refs) as RefId[]).sort(byNumber);
export const livePins = (s: AbsState): PinId[] => (Object.keys(s.pins) as PinId[]).sort(byNumber);
export const memcgs = (s: AbsState): readonly MemcgId[] => s.memcgs;

export const fileFiles = (s: AbsState): FileId[] => (Object.keys(s.files) as FileId[]).filter((f) => s.files[f]?.kind === 'file').sort(byNumber);

export interface PgmapFilter {
  /** How pages of the type reach a process (migrate: PRIVATE/COHERENT/PUBLIC; dax-mmap: the DAX kinds). */
  readonly mapBy?: 'migrate' | 'dax-mmap';
  /** Exclude killed pgmaps (memunmap_pages started). */
  readonly alive?: boolean;
  /** Exclude removed pgmaps. */
  readonly present?: boolean;
}

export function pgmaps(s: AbsState, filter: PgmapFilter = {}): PgmapId[] {
  return (Object.keys(s.pgmaps) as PgmapId[])
    .filter((id) => {
      const p = s.pgmaps[id];
      if (p === undefined) return false;
      if (filter.alive && p.killed) return false;
      if ((filter.present || filter.alive) && p.removed) return false;
      return filter.mapBy === undefined || MAP_BY[p.type] === filter.mapBy;
    })
    .sort(byNumber);
}

/** The memory types this era can memremap (its enum memory_type). */
export const eraTypes = (era: Era): MemoryType[] => Object.keys(era.enumValues) as MemoryType[];

/**
 * Which vpns a command prefers:
 * 'any' — every vpn inside a VMA;
 * 'mapped' — vpns with a PTE (present, device entry, ...), falling back to any;
 * 'device' — vpns backed by a ZONE_DEVICE frame, falling back to mapped.
 * Operations on mapped pages are where the bugs are; empty VMAs mostly test
 * the fault path.
 */
export type VpnPreference = 'any' | 'mapped' | 'device';

export function vmaVpns(proc: AbsProc): Vpn[] {
  const out: Vpn[] = [];
  for (const vma of proc.vmas) for (let i = 0; i < vma.npages; i++) out.push(vma.start + i);
  return out.sort((a, b) => a - b);
}

export function pickVpn(s: AbsState, proc: AbsProc, prefer: VpnPreference, index: number): Vpn | undefined {
  const all = vmaVpns(proc);
  if (prefer === 'any') return pick(all, index);
  const mapped = all.filter((v) => proc.ptes[v] !== undefined);
  if (prefer === 'device') {
    const device = mapped.filter((v) => {
      const pte = proc.ptes[v];
      return pte !== undefined && s.frames[pte.pfn]?.pgmap != null;
    });
    if (device.length > 0) return pick(device, index);
  }
  return pick(mapped.length > 0 ? mapped : all, index);
}

/** npages clamped so that [vpn, vpn + npages) stays inside vpn's VMA. */
export function clampToVma(proc: AbsProc, vpn: Vpn, npages: number): number {
  const vma = proc.vmas.find((v) => vpn >= v.start && vpn < v.start + v.npages);
  return vma === undefined ? npages : Math.max(1, Math.min(npages, vma.start + vma.npages - vpn));
}

/** A process and a vpn inside one of its VMAs, or undefined when it has none. */
export function pickProcVpn(s: AbsState, procIndex: number, prefer: VpnPreference, vpnIndex: number): { proc: ProcId; vpn: Vpn; p: AbsProc } | undefined {
  const proc = pick(liveProcs(s), procIndex);
  const p = proc === undefined ? undefined : s.procs[proc];
  if (proc === undefined || p === undefined) return undefined;
  const vpn = pickVpn(s, p, prefer, vpnIndex);
  return vpn === undefined ? undefined : { proc, vpn, p };
}
