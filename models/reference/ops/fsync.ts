// fsync(fd) / msync(MS_SYNC): vfs_fsync_range(file, 0, LLONG_MAX) →
// filemap_write_and_wait_range (docs §2): every dirty page-cache page of a
// 'file' object goes to its storage and is clean after; its mappings are
// write-protected and clean. shmem's .fsync is noop_fsync; a dax file's
// storage is its frames (dax_writeback_mapping_range only flushes caches).
import { EINVAL } from '../handles.ts';
import { writeCachePages } from '../mm/write-cache-pages.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';

export const fsync: OpSpec<'fsync'> = (era, state, args) =>
  deterministic<'fsync'>(era, state, (ctx) => {
    if (!Object.hasOwn(ctx.s.files, args.file)) return EINVAL;
    writeCachePages(ctx, args.file);
    return {};
  });
