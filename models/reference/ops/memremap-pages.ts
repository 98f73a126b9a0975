// mm/memremap.c: memremap_pages — a driver registers ZONE_DEVICE memory:
// pgmapN with npages free frames of the type (docs §1). The dax-mmap types
// (FS_DAX, GENERIC, HOST, PCI_P2PDMA) also get the file object a dax mmap
// maps (the pmem/device-dax inode), whose pages start after the `reserved`
// pfns the driver keeps at the start of the range (the altmap: pfn_first).
import { pgmapStart } from '../../limits.ts';
import type { FileId, PgmapId } from '../../vocabulary.ts';
import { EINVAL, validRange } from '../handles.ts';
import { writableTable } from '../draft.ts';
import { pristineFrame } from '../init-state.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';
import { MAP_BY } from '../../map-by.ts';

export const memremapPages: OpSpec<'memremap_pages'> = (era, state, { type, owner, npages, reserved = 0 }) =>
  deterministic<'memremap_pages'>(era, state, (ctx) => {
    // The era has no such enum memory_type value; PRIVATE/COHERENT need an owner.
    if (era.enumValues[type] === undefined || owner === '' || !validRange(npages)) return EINVAL;
    // At least one page must be left past the reserved pfns.
    if (!Number.isInteger(reserved) || reserved < 0 || reserved >= npages) return EINVAL;
    const n = ctx.s.next.pgmap++;
    const id: PgmapId = `pgmap${n}`;
    const start = pgmapStart(n);
    for (let i = 0; i < npages; i++) writableTable(ctx, 'frames')[start + i] = pristineFrame(start + i, type, id, i);
    let file: FileId | null = null;
    if (MAP_BY[type] === 'dax-mmap') {
      file = `f${ctx.s.next.file++}`;
      writableTable(ctx, 'files')[file] = { kind: 'dax', npages: npages - reserved, pages: {}, written: {}, stored: {} };
    }
    writableTable(ctx, 'pgmaps')[id] = { type, owner, start, npages, ...(reserved > 0 ? { reserved } : {}), killed: false, removed: false, file };
    return { pgmap: id };
  });
