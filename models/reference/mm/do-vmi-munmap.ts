// mm/vma.c: do_vmi_munmap — unmap [vpn, vpn + npages) of a process (docs §2
// munmap): zap the PTEs, trim or split the VMAs, forget the ghost values of
// the range, and drop the page cache of file objects no VMA maps any more.
import type { AbsVma } from '../../state.ts';
import type { FileId, ProcId, Vpn } from '../../vocabulary.ts';
import { type Ctx, writableProc } from '../draft.ts';
import { rangeOf } from '../handles.ts';
import { truncateInodePages } from './truncate-inode-pages.ts';
import { splitVmasAround, vmaEnd } from './vma.ts';
import { zapPteRange } from './zap-pte-range.ts';

function mappedByAnyVma(ctx: Ctx, fileId: FileId): boolean {
  return Object.values(ctx.s.procs).some((p) => p.vmas.some((v) => v.file === fileId));
}

export function doVmiMunmap(ctx: Ctx, procId: ProcId, vpn: Vpn, npages: number): void {
  zapPteRange(ctx, procId, vpn, npages);
  const proc = writableProc(ctx, procId);
  splitVmasAround(proc, vpn, npages);
  const inside = (v: AbsVma) => v.start >= vpn && vmaEnd(v) <= vpn + npages;
  const gone = proc.vmas.filter(inside);
  proc.vmas = proc.vmas.filter((v) => !inside(v));
  for (const v of rangeOf(vpn, npages)) delete proc.written[v];
  const files = new Set(gone.flatMap((v) => (v.file === null ? [] : [v.file])));
  for (const f of files) if (!mappedByAnyVma(ctx, f)) truncateInodePages(ctx, f);
}
