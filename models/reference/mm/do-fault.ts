// mm/memory.c: do_fault — pte_none in a file-backed VMA (shmem, file, dax).
// do_read_fault maps the page read-only; do_shared_fault maps it writable;
// do_cow_fault copies it for a private write. A dax VMA maps its pgmap frame
// (fs/dax.c: dax_iomap_fault, vmf_insert_mixed): pte_devmap in the devmap
// era, an ordinary refcounted PTE since the fs/dax series; writable iff the
// mapping is shared and PROT_WRITE (docs §1 device_read).
import type { AbsVma } from '../../state.ts';
import type { ProcId, Vpn } from '../../vocabulary.ts';
import { type Ctx, writableProc } from '../draft.ts';
import { doCowFault } from './do-cow-fault.ts';
import { type FaultOutcome, faulted } from './fault-outcome.ts';
import { filemapFault } from './filemap-fault.ts';
import { folioGet } from './folio-get.ts';

export function doFault(ctx: Ctx, procId: ProcId, vma: AbsVma, vpn: Vpn, write: boolean): FaultOutcome {
  if (write && !vma.shared) return doCowFault(ctx, procId, vma, vpn);
  const page = filemapFault(ctx, procId, vma, vpn);
  if (!page.ok) return page;
  const isDax = vma.kind === 'dax';
  const kind = isDax && ctx.era.daxRefcount === 'devmap' ? 'present-devmap' : 'present';
  const writable = write || (isDax && vma.shared && vma.prot === 'write');
  writableProc(ctx, procId).ptes[vpn] = { kind, pfn: page.pfn, write: writable };
  // A dax frame with a counted mapping leaves its idle state.
  folioGet(ctx, page.pfn);
  return faulted(page.pfn);
}
