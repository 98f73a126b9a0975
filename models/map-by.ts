// How a process reaches each type's memory: which interface manages it —
// the page allocator behind a CPU fault, the HMM test driver's migration
// ioctls (lib/test_hmm.c dmirror_migrate_to_device / _to_system), or an
// mmap of the dax/p2pmem device (fs/dax.c, drivers/dax, p2pmem). A fact of
// the interfaces, not a kernel decision a patch series changes, so it is
// not in the per-type table: a wrong entry makes every call on that memory
// -EINVAL in both models, which breaks no safety rule (and nothing could
// see it). The compiler still wants every type.
import type { FrameType } from './vocabulary.ts';

export type MapBy = 'fault' | 'migrate' | 'dax-mmap';

export const MAP_BY = {
  SYSTEM: 'fault',
  PRIVATE: 'migrate',
  COHERENT: 'migrate',
  PUBLIC: 'migrate',
  FS_DAX: 'dax-mmap',
  GENERIC: 'dax-mmap',
  PCI_P2PDMA: 'dax-mmap',
  HOST: 'dax-mmap',
} as const satisfies Record<FrameType, MapBy>;
