// Resolving handles and checking ranges (docs/operations.md §0 "Bad handles",
// "Ranges"): an unknown process is ESRCH, any other unknown handle EINVAL;
// npages outside 1..MAX_NPAGES is EINVAL. Nothing changes on these failures.
import { MAX_NPAGES } from '../limits.ts';
import type { OpFailure } from '../ops.ts';
import type { AbsFrame, AbsPgmap, AbsProc, AbsVma } from '../state.ts';
import type { PgmapId, Pfn, ProcId, Vpn } from '../vocabulary.ts';
import type { Ctx } from './draft.ts';
import { vmaAt } from './mm/vma.ts';

export const ESRCH: OpFailure = { errno: 'ESRCH' };
export const EINVAL: OpFailure = { errno: 'EINVAL' };

export function procOf(ctx: Ctx, id: ProcId): AbsProc | undefined {
  return Object.hasOwn(ctx.s.procs, id) ? ctx.s.procs[id] : undefined;
}

export function pgmapOf(ctx: Ctx, id: PgmapId): AbsPgmap | undefined {
  return Object.hasOwn(ctx.s.pgmaps, id) ? ctx.s.pgmaps[id] : undefined;
}

/** The frame behind a pfn the state names, to read (writableFrame to change it); a missing one is a specification bug. */
export function frameOf(ctx: Ctx, pfn: Pfn): AbsFrame {
  const f = ctx.s.frames[pfn];
  if (!f) throw new Error(`reference: no frame ${pfn}`);
  return f;
}

export function validRange(npages: number): boolean {
  return Number.isInteger(npages) && npages >= 1 && npages <= MAX_NPAGES;
}

/** The vpns [vpn, vpn + npages) in order. */
export function rangeOf(vpn: Vpn, npages: number): Vpn[] {
  return Array.from({ length: npages }, (_, i) => vpn + i);
}

/** The VMA of every vpn of the range, or undefined where there is none. */
export function vmasOfRange(proc: AbsProc, vpn: Vpn, npages: number): (AbsVma | undefined)[] {
  return rangeOf(vpn, npages).map((v) => vmaAt(proc, v));
}

/** pgmap->owner of a ZONE_DEVICE frame, null for system RAM. */
export function ownerOf(ctx: Ctx, pfn: Pfn): string | null {
  const pgmap = frameOf(ctx, pfn).pgmap;
  return pgmap === null ? null : (ctx.s.pgmaps[pgmap]?.owner ?? null);
}
