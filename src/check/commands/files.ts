// File commands (docs §2): punching holes, writeback and dropping the page
// cache — what data-preserved needs to see a lost write (a dirty bit
// dropped, BUG-09), and what a DAX hole punch waiting on a pinned page
// needs (BUG-01).
import fc from 'fast-check';
import type { AbsState } from '../../../models/state.ts';
import type { FileId } from '../../../models/vocabulary.ts';
import { command, step } from '../command-spec.ts';
import { biased, index } from '../choices.ts';
import { pick } from '../handles.ts';

// Oldest first, so that index 0 shrinks towards f0.
const byNumber = (a: string, b: string): number => Number(a.slice(1)) - Number(b.slice(1));

/** Files, those a mapping maps first: a hole punched or a page written back there is seen by a read. */
function liveFiles(s: AbsState, kind?: 'file'): FileId[] {
  const all = (Object.keys(s.files) as FileId[]).filter((f) => kind === undefined || s.files[f]?.kind === kind).sort(byNumber);
  const mapped = all.filter((f) => Object.values(s.procs).some((p) => p.vmas.some((v) => v.file === f)));
  return mapped.length > 0 ? mapped : all;
}

/** Files with a page a GUP reference or pin holds (a DAX file's frames, or the page cache): a punch there must wait, or leaves a page outside the cache. */
function heldFiles(s: AbsState): FileId[] {
  const held = new Set([...Object.values(s.refs), ...Object.values(s.pins)].map((r) => r.pfn));
  return (Object.keys(s.files) as FileId[]).sort(byNumber).filter((f) => {
    const file = s.files[f];
    const pgmap = Object.values(s.pgmaps).find((p) => p.file === f);
    const daxHeld = pgmap !== undefined && [...held].some((pfn) => pfn >= pgmap.start && pfn < pgmap.start + pgmap.npages);
    return daxHeld || Object.values(file?.pages ?? {}).some((pfn) => held.has(pfn));
  });
}

export const fallocate_punch_hole = command({
  op: 'fallocate_punch_hole',
  choices: () => fc.record({ file: index(), index: fc.nat({ max: 3 }), two: biased(1, 3), held: biased(2, 1) }),
  resolve: (c, s, era) => {
    // A file whose punch is still asleep would only answer EBUSY. Mostly a
    // file some GUP holder shares (BUG-01's setting), else one that is mapped.
    const idle = (f: FileId) => s.files[f]?.punchHole === undefined;
    const held = heldFiles(s).filter(idle);
    const files = c.held && held.length > 0 ? held : liveFiles(s).filter(idle);
    // No file yet: a pmem namespace, whose dax file the next mmaps can map.
    if (Object.keys(s.files).length === 0 && era.enumValues.FS_DAX !== undefined) return step('memremap_pages', { type: 'FS_DAX', owner: 'pmem0', npages: 2 });
    const file = pick(files, c.file);
    const size = file === undefined ? 0 : (s.files[file]?.npages ?? 0);
    return file && step('fallocate_punch_hole', { file, index: c.index % Math.max(1, size), npages: c.two ? 2 : 1 });
  },
});

export const fsync = command({
  op: 'fsync',
  choices: () => fc.record({ file: index() }),
  resolve: (c, s) => {
    // Only 'file' objects have storage to write back to.
    const file = pick(liveFiles(s, 'file'), c.file) ?? pick(liveFiles(s), c.file);
    return file && step('fsync', { file });
  },
});

export const drop_caches = command({
  op: 'drop_caches',
  choices: () => fc.constant({}),
  resolve: (_c, s) => (Object.values(s.files).some((f) => Object.keys(f.pages).length > 0) ? step('drop_caches', {}) : undefined),
});
