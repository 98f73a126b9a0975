// memunmap_pages run as a thread (threads.ts): the driver's teardown of a
// pgmap, paused at 'memunmap_pages: wait_for_completion' once the wait for
// the users' references returned and before pageunmap_range. The proposal's
// memunmap_pages_kill puts percpu_ref_kill before the wait (the kernel's:
// nothing can take a reference while it is paused) or after it, at the
// resume (a reference taken in between outlives the teardown).
import type { ThreadProgress } from '../model.ts';
import type { OpArgs, OpResult } from '../ops.ts';
import { pgmapView } from './folio-view.ts';
import { EINVAL, getPgmap } from './handles.ts';
import { NO_CTX } from './hook-views.ts';
import type { KernelState, KThread } from './kstate.ts';
import { memunmap_pages_wait, pageunmap_range, percpu_ref_kill } from './memremap.ts';

/**
 * Start memunmap_pages as thread `id`: to its end when the pgmap is not
 * there or the wait would last for ever (EBUSY, the kill done, as run
 * atomically), else paused past the wait.
 */
export function memunmap_start(k: KernelState, id: string, args: OpArgs['memunmap_pages']): ThreadProgress {
  const pg = getPgmap(k, args.pgmap);
  if (!pg || pg.removed) return { done: true, result: EINVAL };
  const killFirst = k.hooks.memunmap_pages_kill(pgmapView(k, pg.num), NO_CTX) === 'kill-then-wait';
  if (killFirst) percpu_ref_kill(k, pg);
  if (!memunmap_pages_wait(k, pg)) {
    percpu_ref_kill(k, pg);
    return { done: true, result: { errno: 'EBUSY' } };
  }
  const label = 'memunmap_pages: wait_for_completion';
  k.threads.set(id, { id, op: 'memunmap_pages', args, label, unmap: { pgmap: pg.num, killAfter: !killFirst } });
  return { done: false, label };
}

/**
 * A memunmap_pages paused past its wait goes on: the kill where the
 * proposal put it after the wait, then pageunmap_range — with no second
 * wait, since in the kernel's order nothing took a reference meanwhile.
 */
export function memunmap_resume(k: KernelState, t: Extract<KThread, { unmap: unknown }>): OpResult {
  const pg = k.pgmaps[t.unmap.pgmap];
  // Nothing that removes a pgmap runs while its teardown is paused (memunmap_blocks).
  if (pg === undefined || pg.removed) throw new Error(`${t.id}: the pgmap of a paused memunmap_pages is gone`);
  if (t.unmap.killAfter) percpu_ref_kill(k, pg);
  pageunmap_range(pg);
  return {};
}
