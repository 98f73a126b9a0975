// Linearizability (Herlihy & Wing): a history is linearizable when its
// operations can be put in one sequential order that respects real time (an
// operation that returned before another was invoked comes first) and in
// which each returned operation's output is one the specification allows
// from the state the order reaches. An operation still in flight may take
// effect at any point after its invocation, with any output, or not at all.
//
// The search is Wing & Gong's: linearize one operation at a time, choosing
// only among the minimal ones (none of the other remaining operations
// returned before it was invoked), and backtrack. Lowe's memoization keeps
// it from exploring the same (set of operations done, state) twice, which
// makes histories of tens of concurrent operations cheap (Knossos and
// Porcupine do the same). On failure it explains the deepest point it
// reached: the order so far, the state, and why no remaining operation
// could come next.
import type { Operation, SequentialSpec } from './history.ts';

export type Linearized<O> = { readonly ok: true; readonly order: readonly number[] } | { readonly ok: false; readonly longest: readonly number[]; readonly stuck: readonly Stuck<O>[] };

/** An operation that could not come next after `longest`, and why. */
export interface Stuck<O> {
  readonly id: number;
  /** 'output': no outcome from the state gives its output; 'after': it must follow an operation that is not done. */
  readonly why: 'output' | 'after';
  readonly allowed?: readonly O[];
  /** For 'after': an operation that returned before this one was invoked and is not yet done. */
  readonly after?: number;
}

export function linearize<S, I, O>(history: readonly Operation<I, O>[], spec: SequentialSpec<S, I, O>): Linearized<O> {
  const ops = [...history].sort((a, b) => a.invoke - b.invoke || a.id - b.id);
  const returned = ops.filter((o) => o.returned !== undefined).length;
  const done = new Array<boolean>(ops.length).fill(false);
  const order: number[] = [];
  const ruledOut = new Set<string>();
  let longest: number[] = [];
  let stuckAt: { state: S; order: number[] } = { state: spec.init, order: [] };
  let returnedDone = 0;

  // Minimal: no other remaining operation returned before it was invoked.
  const blocker = (i: number): number => {
    const p = ops[i] as Operation<I, O>;
    for (let j = 0; j < ops.length; j++) {
      const q = ops[j] as Operation<I, O>;
      if (j !== i && !done[j] && q.returned !== undefined && q.returned.at < p.invoke) return j;
    }
    return -1;
  };

  const search = (state: S): boolean => {
    if (returnedDone === returned) return true;
    const memo = `${done.map((d) => (d ? 1 : 0)).join('')}|${spec.key(state)}`;
    if (ruledOut.has(memo)) return false;
    if (order.length >= longest.length) {
      longest = [...order];
      stuckAt = { state, order: [...order] };
    }
    for (let i = 0; i < ops.length; i++) {
      if (done[i] || blocker(i) >= 0) continue;
      const op = ops[i] as Operation<I, O>;
      for (const outcome of spec.step(state, op.input)) {
        if (op.returned !== undefined && !spec.sameOutput(outcome.output, op.returned.output)) continue;
        done[i] = true;
        order.push(op.id);
        if (op.returned !== undefined) returnedDone++;
        if (search(outcome.state)) return true;
        if (op.returned !== undefined) returnedDone--;
        order.pop();
        done[i] = false;
      }
    }
    ruledOut.add(memo);
    return false;
  };

  if (search(spec.init)) return { ok: true, order };
  // Why nothing fits after the longest order: each remaining returned operation.
  const at = new Set(stuckAt.order);
  const stuck: Stuck<O>[] = [];
  for (const [i, op] of ops.entries()) done[i] = at.has(op.id);
  for (const [i, op] of ops.entries()) {
    if (done[i] || op.returned === undefined) continue;
    const b = blocker(i);
    if (b >= 0) stuck.push({ id: op.id, why: 'after', after: (ops[b] as Operation<I, O>).id });
    else stuck.push({ id: op.id, why: 'output', allowed: spec.step(stuckAt.state, op.input).map((o) => o.output) });
  }
  return { ok: false, longest, stuck };
}
