// The thread steps explore tries beside the atomic ones (issue 12, explore
// --threads): with no thread paused, every step of an operation a thread
// can run (THREAD_OPS) also started as thread t1 — the kernel model decides
// whether it reaches an interleaving point (a CPU access or GUP on a
// device-private entry, a fast GUP over a PTE that permits it, a final put
// of a device page, a fork, a driver migration that unmaps a present page
// or moves one page, memory_failure by pgmap and index, a memunmap_pages
// whose wait returns, a long-term pin that migrates a coherent page) or runs to its
// end, which is the atomic step's transition again and the same state;
// with t1 paused, the atomic steps that do not wait for it
// (Pair.blockedBy) and its resume, which may pause it again. `only` (--thread-ops) limits the starts to those operations. One
// thread besides the main one, as in check --threads.
import type { OpName, Step } from '../../models/ops.ts';
import { THREAD_OPS } from '../../models/kernel/threads.ts';
import type { Pair } from '../runner/pair-types.ts';
import { THREAD_ID } from '../check/thread-command.ts';

export function threadSteps(pair: Pair, atomic: readonly Step[], only: readonly OpName[] = THREAD_OPS): Step[] {
  const paused = pair.pausedThreads();
  if (paused.length === 0) {
    const starts = atomic.filter((s) => (THREAD_OPS as readonly string[]).includes(s.op) && only.includes(s.op)).map((s): Step => ({ ...s, thread: { id: THREAD_ID, kind: 'start' } }));
    return [...atomic, ...starts];
  }
  const enabled = atomic.filter((s) => pair.blockedBy(s) === undefined);
  return [...enabled, ...paused.map((t): Step => ({ ...t.step, thread: { id: t.id, kind: 'resume' } }))];
}
