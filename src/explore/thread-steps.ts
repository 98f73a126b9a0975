// The thread steps explore tries beside the atomic ones (issue 12, explore
// --threads): with no thread paused, each step that reaches an interleaving
// point also started as thread t1 — a CPU access on a device-private entry
// (do_swap_page), a one-page driver migration (__migrate_device_finalize);
// a step anywhere else runs to its end when started, the same transition as
// the atomic one; with t1 paused, the atomic steps that do not wait for it
// (Pair.blockedBy) and its resume. One thread besides the main one, as in
// check --threads.
import type { Step } from '../../models/ops.ts';
import type { AbsState } from '../../models/state.ts';
import { THREAD_OPS } from '../../models/kernel/threads.ts';
import type { Pair } from '../runner/pair-types.ts';
import { THREAD_ID } from '../check/thread-command.ts';

export function threadSteps(pair: Pair, state: AbsState, atomic: readonly Step[]): Step[] {
  const paused = pair.pausedThreads();
  if (paused.length === 0) {
    const starts = atomic.filter((s) => (THREAD_OPS as readonly string[]).includes(s.op) && pausesAt(state, s)).map((s): Step => ({ ...s, thread: { id: THREAD_ID, kind: 'start' } }));
    return [...atomic, ...starts];
  }
  const enabled = atomic.filter((s) => pair.blockedBy(s) === undefined);
  return [...enabled, ...paused.map((t): Step => ({ ...t.step, thread: { id: t.id, kind: 'resume' } }))];
}

/** Does the step reach an interleaving point: an access faulting a device-private entry (do_swap_page), a one-page migration (finalize). */
function pausesAt(state: AbsState, s: Step): boolean {
  if (s.op === 'migrate_to_device' || s.op === 'migrate_to_ram') return s.args.npages === 1;
  const a = s.args as { readonly proc?: string; readonly vpn?: number };
  if (a.proc === undefined || a.vpn === undefined) return false;
  return state.procs[a.proc as keyof AbsState['procs']]?.ptes[a.vpn]?.kind === 'device-private';
}
