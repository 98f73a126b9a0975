// A task asleep in a hole punch's break-layouts loop (AbsFile.punchHole)
// is woken when the page it waits on goes idle — the FS_DAX free path's
// wake_up_var — and runs once the operation that freed the page returns:
// it rescans (a fault may have mapped the file again meanwhile), waits on
// the next busy page, or punches the hole.
import type { AbsState } from '../../state.ts';
import type { FileId } from '../../vocabulary.ts';
import { type Ctx, writableFile } from '../draft.ts';
import { frameOf } from '../handles.ts';
import { daxFreeFileSpace, daxLayoutBusyPage, daxPgmapOf } from './dax-break-layout.ts';

/** Is some waiting task's page idle now (nothing holds it: its free path ran)? */
export function hasWokenTask(state: AbsState): boolean {
  return Object.values(state.files).some((f) => f.punchHole !== undefined && state.frames[f.punchHole.waitOn]?.inUse === false);
}

export function runWokenTasks(ctx: Ctx): void {
  for (const fileId of Object.keys(ctx.s.files) as FileId[]) {
    const file = ctx.s.files[fileId]!;
    const task = file.punchHole;
    const pgmap = daxPgmapOf(ctx, fileId);
    if (!task || !pgmap || frameOf(ctx, task.waitOn).inUse) continue;
    const busy = daxLayoutBusyPage(ctx, fileId, pgmap);
    if (busy !== null) {
      writableFile(ctx, fileId).punchHole = { ...task, waitOn: busy };
      continue;
    }
    delete writableFile(ctx, fileId).punchHole;
    daxFreeFileSpace(ctx, fileId, pgmap, task.index, task.index + task.npages);
  }
}
