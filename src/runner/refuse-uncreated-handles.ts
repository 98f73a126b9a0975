// A trace step that names a handle no earlier step created (pin0 before any
// pin_user_pages succeeded, p3 with one fork) is a typo or a trace cut short,
// not a test: the models would answer an errno and the run would hold,
// silently. So the runner refuses it as bad input (exit 2). "Created" is read
// off the running kernel model's handle counters (AbsState.next: p0 and m0
// exist at start): handle N of a kind was ever created iff N < its counter.
// A handle that was created and released since (put, unpinned, exited) is
// fine — naming it again is a legitimate test of a stale handle. Likewise a
// thread step that cannot run (a resume of a thread that is not paused, a
// start of one that is) or a step that would wait for a paused thread.
import type { AbsState } from '../../models/state.ts';
import { handleFields } from '../trace/handle-fields.ts';
import type { HandlePrefix } from '../trace/field-type.ts';
import { TraceError } from '../trace/trace-error.ts';
import type { Pair } from './pair-types.ts';
import { wrapPair } from './wrap-pair.ts';

const COUNTER: { readonly [P in HandlePrefix]: keyof AbsState['next'] } = {
  p: 'proc',
  m: 'memcg',
  pgmap: 'pgmap',
  ref: 'ref',
  pin: 'pin',
  f: 'file',
};

/** The pair, refusing (with a TraceError naming file, step, field and handle) a step that names a never-created handle. */
export function refuseUncreatedHandles(pair: Pair, file: string): Pair {
  let index = 0;
  return wrapPair(pair, (step) => {
    const { next } = pair.kernelView().state;
    const args = step.args as Readonly<Record<string, unknown>>;
    for (const { field, prefix } of handleFields(step.op, 'args')) {
      const handle = args[field];
      if (typeof handle !== 'string') continue;
      if (Number(handle.slice(prefix.length)) < next[COUNTER[prefix]]) continue;
      throw new TraceError({ file, step: index, field: `args.${field}` }, `${file}: step ${index + 1} (${step.op}): args.${field}: ${handle} was never created (no earlier step created it)`);
    }
    // A thread step the threads' state does not allow, or a step that would wait for a paused thread.
    const wrong = threadRefusal(pair, step);
    if (wrong !== undefined) throw new TraceError({ file, step: index, field: 'thread' }, `${file}: step ${index + 1} (${step.op}): ${wrong}`);
    index++;
    return pair.step(step);
  });
}

/** Why a trace step cannot run as the threads stand, or undefined. */
function threadRefusal(pair: Pair, step: Parameters<Pair['step']>[0]): string | undefined {
  const thread = step.thread;
  if (thread === undefined) {
    const waitsFor = pair.blockedBy(step);
    return waitsFor === undefined ? undefined : `it waits for thread ${waitsFor}, paused in the kernel (resume it first)`;
  }
  const paused = pair.pausedThreads().some((t) => t.id === thread.id);
  if (thread.kind === 'start' && paused) return `thread ${thread.id} is already running`;
  if (thread.kind === 'resume' && !paused) return `thread ${thread.id} is not paused`;
  return undefined;
}
