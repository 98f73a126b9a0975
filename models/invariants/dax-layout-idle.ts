// dax-layout-idle: the contract between a DAX filesystem and GUP. Before
// the blocks of an FS_DAX file are freed (hole punch, truncate) the
// filesystem unmaps the file and waits until no page of it is busy — held
// by get_user_pages or pin_user_pages for DMA — else the device writes
// into freed and reused storage (fs/dax.c dax_layout_busy_page_range,
// xfs_break_dax_layouts, ext4_break_layouts). The waiter sleeps in
// ___wait_var_event until the page is idle, and only the page's free path
// wakes it (wake_up_var): a put path that skips it (BUG-01 gup_put_folio,
// BUG-02 release_pages) leaves the task asleep for ever.
//
// Idle is the era's own count for a DAX page (counting.ts): 1 while
// pte_devmap mappings take no reference, 0 since the fs/dax series.
import type { AbsState } from '../state.ts';
import type { FileId, PgmapId } from '../vocabulary.ts';
import type { View } from '../view.ts';
import { counting } from './counting.ts';
import { frameLabel } from './describe.ts';
import { type Invariant, type StepContext, type Violation, violation } from './invariant.ts';
import { argsFor, valueFor } from './step-args.ts';

const pgmapOfFile = (state: AbsState, file: FileId): PgmapId | undefined =>
  (Object.keys(state.pgmaps) as PgmapId[]).find((id) => state.pgmaps[id]?.file === file && state.pgmaps[id]?.type === 'FS_DAX');

/** The files whose hole punch freed its blocks in this step (it ran through, or a woken task finished it). */
function punched(after: View, before: View | undefined, step: StepContext | undefined): FileId[] {
  const out: FileId[] = [];
  const ran = argsFor(step, 'fallocate_punch_hole');
  if (ran && valueFor(step, 'fallocate_punch_hole')?.waiting === null) out.push(ran.file);
  for (const file of Object.keys(before?.state.files ?? {}) as FileId[]) {
    if (before?.state.files[file]?.punchHole && !after.state.files[file]?.punchHole) out.push(file);
  }
  return out;
}

function freedBusy(after: View, file: FileId): Violation[] {
  const { state } = after;
  const pgmap = pgmapOfFile(state, file);
  if (!pgmap) return [];
  const holders = [...Object.entries(state.refs), ...Object.entries(state.pins)];
  const out: Violation[] = [];
  for (const [id, held] of holders) {
    const frame = state.frames[held.pfn];
    if (frame?.pgmap === pgmap) out.push(violation('freed-busy', `${file}: hole punched while ${id} holds ${frameLabel(frame)} for DMA`));
  }
  return out;
}

function asleepOnIdle(after: View): Violation[] {
  const out: Violation[] = [];
  for (const [file, f] of Object.entries(after.state.files)) {
    const wait = f.punchHole;
    const frame = wait && after.state.frames[wait.waitOn];
    if (!wait || !frame) continue;
    const refs = after.counters[wait.waitOn]?.refcount;
    if (refs === counting(after.era, frame.type).idle) {
      out.push(violation('lost-wakeup', `${file}: fallocate(PUNCH_HOLE) asleep on ${frameLabel(frame)}, idle at refcount ${refs}: no wake_up_var came`));
    }
  }
  return out;
}

export const daxLayoutIdle: Invariant = {
  id: 'dax-layout-idle',
  statement: 'the blocks of an FS_DAX file are freed only when no page of it is held by GUP, and a task waiting for a busy DAX page is woken once the page is idle',
  guards: ['fs/dax.c: dax_layout_busy_page_range', 'fs/xfs/xfs_inode.c: xfs_break_dax_layouts', 'mm/memremap.c: free_zone_device_folio', 'mm/gup.c: gup_put_folio', 'mm/swap.c: release_pages'],
  clauses: [
    { id: 'freed-busy', statement: 'a hole punch that freed its blocks left no GUP reference or pin on a page of the file' },
    { id: 'lost-wakeup', statement: 'no task waits in the break-layouts loop on a DAX page that is idle' },
  ],
  check(after, before, step) {
    const out = asleepOnIdle(after);
    for (const file of punched(after, before, step)) out.push(...freedBusy(after, file));
    return out;
  },
  // A hole punch ran, or a task waits (or waited) in the break-layouts loop.
  applies(after, before, step) {
    if (step?.op === 'fallocate_punch_hole') return true;
    for (const f of Object.values(after.state.files)) if (f.punchHole) return true;
    if (before) for (const f of Object.values(before.state.files)) if (f.punchHole) return true;
    return false;
  },
};
