// mm/mmap.c: do_mmap — a new VMA at proc.nextVpn; nothing is populated
// (docs §2). MAP_SHARED|MAP_ANONYMOUS is shmem-backed; a dax mapping maps a
// pgmap's file (a pmem DAX file or a device-dax character device).
import { match } from 'ts-pattern';
import type { Era } from '../../eras/era.ts';
import type { OpArgs } from '../../ops.ts';
import type { AbsVma } from '../../state.ts';
import type { FileId, MemoryType } from '../../vocabulary.ts';
import { adopt, type Ctx, writableFile, writableProc, writableTable } from '../draft.ts';
import { EINVAL, ESRCH, pgmapOf, procOf, validRange } from '../handles.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';
import { MAP_BY } from '../../map-by.ts';

/** Which ZONE_DEVICE memory user space may mmap: dax types, P2PDMA once p2pmem_alloc_mmap exists (~v6.2). */
const daxMmapAllowed = (era: Era, type: MemoryType): boolean =>
  MAP_BY[type] === 'dax-mmap' &&
  match(type)
    .with('PCI_P2PDMA', () => era.p2pdmaUserMap)
    .with('FS_DAX', 'GENERIC', 'HOST', () => true)
    .with('PRIVATE', 'COHERENT', 'PUBLIC', () => false)
    .exhaustive();

function newFile(ctx: Ctx, kind: 'shmem' | 'file', npages: number): FileId {
  const id: FileId = `f${ctx.s.next.file++}`;
  writableTable(ctx, 'files')[id] = adopt(ctx, { kind, npages, pages: {}, written: {}, stored: {} });
  return id;
}

/** The VMA's backing, or null when the arguments are invalid (-EINVAL). Creates file objects only once valid. */
function backing(ctx: Ctx, args: OpArgs['mmap']): { kind: AbsVma['kind']; file: FileId | null; pgmap: AbsVma['pgmap'] } | null {
  if (args.pgmap !== undefined && args.kind !== 'dax') return null;
  if (args.file !== undefined && args.kind !== 'file') return null;
  return match(args.kind)
    .with('anon', () => (args.shared ? { kind: 'shmem' as const, file: newFile(ctx, 'shmem', args.npages), pgmap: null } : { kind: 'anon' as const, file: null, pgmap: null }))
    .with('shmem', () => ({ kind: 'shmem' as const, file: newFile(ctx, 'shmem', args.npages), pgmap: null }))
    .with('file', () => {
      if (args.file === undefined) return { kind: 'file' as const, file: newFile(ctx, 'file', args.npages), pgmap: null };
      const file = Object.hasOwn(ctx.s.files, args.file) ? ctx.s.files[args.file] : undefined;
      if (file?.kind !== 'file') return null;
      // Mapping past EOF extends the model's file (ftruncate before mmap).
      writableFile(ctx, args.file).npages = Math.max(file.npages, args.npages);
      return { kind: 'file' as const, file: args.file, pgmap: null };
    })
    .with('dax', () => {
      const pgmap = args.pgmap === undefined ? undefined : pgmapOf(ctx, args.pgmap);
      if (!pgmap || pgmap.killed || !daxMmapAllowed(ctx.era, pgmap.type) || !args.shared || args.npages > pgmap.npages - (pgmap.reserved ?? 0)) return null;
      return { kind: 'dax' as const, file: pgmap.file, pgmap: args.pgmap! };
    })
    .exhaustive();
}

export const mmap: OpSpec<'mmap'> = (era, state, args) =>
  deterministic<'mmap'>(era, state, (ctx) => {
    const proc = procOf(ctx, args.proc);
    if (!proc) return ESRCH;
    if (!validRange(args.npages)) return EINVAL;
    const b = backing(ctx, args);
    if (b === null) return EINVAL;
    const w = writableProc(ctx, args.proc);
    const vpn = w.nextVpn;
    w.nextVpn += args.npages;
    w.vmas.push({ start: vpn, npages: args.npages, kind: b.kind, shared: args.shared, prot: args.prot, file: b.file, pgmap: b.pgmap, pgoff: 0 });
    w.vmas.sort((a, b2) => a.start - b2.start);
    return { vpn };
  });
