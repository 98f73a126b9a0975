// The store itself, once a write fault (or hmm_range_fault with REQ_WRITE)
// left a writable PTE: the frame takes the value, and so does the ghost
// (docs §0 "Ghost data"): proc.written for a private VMA, the file's
// written[index] for a shared one. A store to a page-cache page dirties the
// PTE (pte_dirty), not the page: there is no write-notify (docs §6.24).
import type { Pfn, ProcId, Vpn } from '../../vocabulary.ts';
import { type Ctx, writableFile, writableFrame, writableProc } from '../draft.ts';
import { linearPageIndex, vmaAt } from './vma.ts';

export function copyToPage(ctx: Ctx, procId: ProcId, vpn: Vpn, pfn: Pfn, value: number): void {
  const proc = writableProc(ctx, procId);
  const vma = vmaAt(proc, vpn)!;
  const frame = writableFrame(ctx, pfn);
  frame.data = value;
  const pte = proc.ptes[vpn];
  if (frame.file !== null && pte !== undefined && (pte.kind === 'present' || pte.kind === 'present-devmap')) pte.dirty = true;
  if (vma.shared && vma.file !== null) writableFile(ctx, vma.file).written[linearPageIndex(vma, vpn)] = value;
  else proc.written[vpn] = value;
}
