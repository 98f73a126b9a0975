// A long-term pin_user_pages run as a thread (threads.ts): paused at
// '__gup_longterm_locked: migrate_longterm_unpinnable_folios' once a round
// migrated the MEMORY_DEVICE_COHERENT folio it pinned (gup.ts gup_slow
// stops there when armed), and resumed into the next round.
import type { ThreadProgress } from '../model.ts';
import type { OpArgs, OpResult, Step } from '../ops.ts';
import { gup_longterm_retry } from './gup.ts';
import { gup_flags, gup_pin } from './gup-ops.ts';
import type { KernelState, KThread, LongtermRetry } from './kstate.ts';

/**
 * Run `body`, the rest of `step`, armed for __gup_longterm_locked's point
 * when it is a long-term pin: paused there as thread `id` once a round
 * migrated its folio, else done with its result.
 */
export function longterm_armed(k: KernelState, id: string, step: Pick<Step, 'op' | 'args'>, body: () => OpResult): ThreadProgress {
  if (step.op !== 'pin_user_pages') return { done: true, result: body() };
  const args = step.args as OpArgs['pin_user_pages'];
  // Armed for this call only: the first round that migrates stops before the next.
  k.longtermAt = {};
  let result: OpResult;
  let retry: Omit<LongtermRetry, 'locked'> | undefined;
  try {
    result = body();
  } finally {
    retry = k.longtermAt.paused;
    k.longtermAt = undefined;
  }
  if (retry === undefined) return { done: true, result };
  const label = '__gup_longterm_locked: migrate_longterm_unpinnable_folios';
  // pin_user_pages: the caller holds the mmap_lock throughout; the fast path's fallback (FOLL_UNLOCKABLE) does not.
  k.threads.set(id, { id, op: 'pin_user_pages', args, label, longterm: { ...retry, locked: !args.fast } });
  return { done: false, label };
}

/** The next round of a long-term pin paused after a migration, and the driver's handle. */
export function longterm_resume(k: KernelState, t: Extract<KThread, { longterm: unknown }>): OpResult {
  const p = k.procs.get(t.longterm.proc);
  // exit waits for the thread (longterm_blocks); a process is never gone otherwise.
  if (p === undefined) throw new Error(`${t.id}: the process of a paused long-term pin is gone`);
  return gup_pin(k, p, t.args, gup_longterm_retry(k, p, t.args.vpn, gup_flags(k, t.op, t.args), t.longterm.repin));
}
