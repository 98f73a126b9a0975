// The ghost side of copy-on-write (docs §0 "Ghost data"): when a private
// mapping of a file gets its own copy of a page-cache page (do_cow_fault,
// wp_page_copy) — for whatever reason the write fault came: a CPU store, a
// FOLL_WRITE GUP, make_device_exclusive, a device write — the vpn stops
// seeing the file. From then on it must read what the file held at that
// index at COW time, until it is written through itself. The value comes
// from the ghost's record of the file, never from the frames the model
// copied, so a wrong copy still shows.
import type { AbsVma } from '../../state.ts';
import type { ProcId, Vpn } from '../../vocabulary.ts';
import { type Ctx, writableProc } from '../draft.ts';
import { linearPageIndex } from './vma.ts';

export function cowSnapshot(ctx: Ctx, procId: ProcId, vma: AbsVma, vpn: Vpn): void {
  if (vma.shared || vma.file === null || ctx.s.procs[procId]!.written[vpn] !== undefined) return;
  writableProc(ctx, procId).written[vpn] = ctx.s.files[vma.file]?.written[linearPageIndex(vma, vpn)] ?? 0;
}
