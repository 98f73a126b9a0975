// The page a file-backed VMA maps at a vpn, without mapping it:
// mm/filemap.c: filemap_fault / mm/shmem.c: shmem_fault find the page-cache
// folio or add a new one; fs/dax.c: dax_iomap_fault uses the pgmap frame at
// the file index.
import { match } from 'ts-pattern';
import type { AbsVma } from '../../state.ts';
import type { ProcId, Vpn } from '../../vocabulary.ts';
import { type Ctx, writableFile } from '../draft.ts';
import { frameOf } from '../handles.ts';
import { allocSystemPage } from './alloc-page.ts';
import { type FaultOutcome, faultFailed, faulted } from './fault-outcome.ts';
import { linearPageIndex } from './vma.ts';

function pageCacheFault(ctx: Ctx, procId: ProcId, vma: AbsVma, vpn: Vpn): FaultOutcome {
  const fileId = vma.file!;
  const file = ctx.s.files[fileId]!;
  const index = linearPageIndex(vma, vpn);
  const cached = file.pages[index];
  if (cached !== undefined) return faulted(cached);
  // A new page-cache folio is charged to the faulting task's memcg
  // (filemap_add_folio → mem_cgroup_charge). Its content is read from the
  // file's storage (filemap_read_folio): what writeback last wrote at this
  // index, 0 for a hole — never the ghost's record of what was written.
  const pfn = allocSystemPage(ctx, {
    data: file.stored[index] ?? 0,
    memcg: ctx.s.procs[procId]!.memcg,
    anon: false,
    file: fileId,
    fileIndex: index,
  });
  if (pfn === null) return faultFailed('oom');
  writableFile(ctx, fileId).pages[index] = pfn;
  return faulted(pfn);
}

function daxFault(ctx: Ctx, vma: AbsVma, vpn: Vpn): FaultOutcome {
  const pgmap = ctx.s.pgmaps[vma.pgmap!]!;
  // The file's page 0 is the first pfn past the reserved ones (pfn_first).
  const pfn = pgmap.start + (pgmap.reserved ?? 0) + linearPageIndex(vma, vpn);
  // [docs silent] dax_iomap_fault: dax_direct_access fails once the device is
  // going away (memunmap_pages started) or the range is poisoned, and
  // dax_fault_return turns that into VM_FAULT_SIGBUS.
  if (pgmap.killed || frameOf(ctx, pfn).hwpoison) return faultFailed('sigbus');
  return faulted(pfn);
}

export function filemapFault(ctx: Ctx, procId: ProcId, vma: AbsVma, vpn: Vpn): FaultOutcome {
  return match(vma.kind)
    .with('shmem', 'file', () => pageCacheFault(ctx, procId, vma, vpn))
    .with('dax', () => daxFault(ctx, vma, vpn))
    .with('anon', () => {
      throw new Error('reference: filemap_fault on an anonymous VMA');
    })
    .exhaustive();
}
