// How a step of a concurrent run prints (issue 12): the thread that ran it,
// "resume" for a thread going on, the call with its result, and where a
// thread is left paused. A step of the main thread prints as before.
import type { OpResult, Step } from '../../models/ops.ts';
import { formatCall } from './format-call.ts';

/** The thread a step without a mark runs on: the main one. */
export const MAIN_THREAD = 't0';

/** "t1: cpu_read(…) [paused after do_swap_page: pte_unmap_unlock]", "t1: resume cpu_read(…) = 5", or the plain call. */
export function formatThreadStep(step: Step, result: OpResult | undefined, paused: string | undefined, withThread = step.thread !== undefined): string {
  const call = `${step.thread?.kind === 'resume' ? 'resume ' : ''}${formatCall(step, result)}`;
  const where = paused === undefined ? '' : ` [paused after ${paused}]`;
  return `${withThread ? `${step.thread?.id ?? MAIN_THREAD}: ` : ''}${call}${where}`;
}
