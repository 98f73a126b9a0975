// A concurrent stretch (issue 12): the operations that ran from the moment
// a thread was started until no thread was in flight any more, with their
// invocation and return times. The reference stays atomic, so refinement
// there becomes linearizability: the stretch is correct when some order of
// its operations that respects real time (one that returned before another
// was invoked comes first) is a run of the reference, from the state the
// stretch began in, with every operation's result one the reference allows
// there and an end state equal to the kernel's abstraction. The end state
// is checked as one more operation, invoked after all the others returned,
// whose output is the whole state: it must come last and match.
// A page reference a paused thread holds (do_swap_page's get_page before
// its pte_unmap_unlock) is, to the atomic operations that run meanwhile,
// a reference someone else holds: each of them is specified from the state
// with one FOLL_GET reference per such page added (only while the page is
// in use), and put again in its outcomes unless it is the page's last user
// (stepHolding). A migration then skips
// the page as it would for any unexpected reference, which is what the
// reference taken under the PTE lock is for.
//
// A thread paused at a point whose history is 'undone'
// (interleaving-points.ts: a long-term pin between two rounds) has done a
// whole call of its operation and taken its result back: that part is an
// operation of its own (`undone`), specified as the reference's call followed
// by the undo of its result (unpin_user_page of the pin, the pin's handle
// number not used up), and the rest is the call again.
//
// What the end state must match is what a program can observe
// (observable-state.ts), not the ghost history nor the pfns of system RAM.
import type { Era } from '../../models/eras/era.ts';
import type { Specification } from '../../models/model.ts';
import type { OpResult, Step } from '../../models/ops.ts';
import type { AbsState } from '../../models/state.ts';
import type { Operation, SequentialSpec } from '../linearize/history.ts';
import { linearize } from '../linearize/linearize.ts';
import { formatCall, formatResult } from '../trace/format-call.ts';
import { deepEqual, describeDifference } from './deep-equal.ts';
import { observableState } from './observable-state.ts';
import { sameState } from './same-state.ts';

/** A page a paused thread holds a reference on while an operation runs, and the thread's process. */
export interface HeldRef {
  readonly pfn: number;
  readonly proc: number;
}

/** An operation, with the references paused threads held while it ran (`undone`: a call taken back); null: the end state, observed. */
type Input = { readonly thread: string; readonly step: Step; readonly held: readonly HeldRef[]; readonly undone?: true } | null;
type Output = OpResult | AbsState;

export type StretchVerdict = { readonly ok: true; readonly order: readonly Step[] } | { readonly ok: false; readonly message: string };

interface StretchOp {
  readonly id: number;
  readonly thread: string;
  readonly step: Step;
  readonly held: readonly HeldRef[];
  readonly invoke: number;
  returned?: { readonly at: number; readonly result: OpResult };
  /** A call the kernel took back before it returned (its result: {}). */
  undone?: true;
}

/** A stretch as plain data (a pair's snapshot keeps it; structured cloning carries it). */
export interface StretchData {
  readonly from: AbsState;
  readonly ops: readonly StretchOp[];
  readonly clock: number;
}

export class ConcurrentStretch {
  private readonly ops: StretchOp[] = [];
  private clock = 0;

  constructor(readonly from: AbsState) {}

  /** A copy of the history so far, to continue from (restore). */
  save(): StretchData {
    return { from: this.from, ops: this.ops.map((o) => ({ ...o })), clock: this.clock };
  }

  static restore(data: StretchData): ConcurrentStretch {
    const s = new ConcurrentStretch(data.from);
    s.ops.push(...data.ops.map((o) => ({ ...o })));
    s.clock = data.clock;
    return s;
  }

  /** The history as numbers-and-strings JSON-able data: two stretches that will be judged alike are equal (explore's state key). */
  key(): unknown {
    return {
      from: this.from,
      ops: this.ops.map(({ thread, step, held, returned, undone }) => ({ thread, step, held, result: returned?.result ?? null, done: returned !== undefined, undone: undone === true })),
    };
  }

  get size(): number {
    return this.ops.length;
  }

  /** An operation invoked now by `thread`; returns its id. */
  invoke(thread: string, step: Step, held: readonly HeldRef[] = []): number {
    const id = this.ops.length;
    this.ops.push({ id, thread, step, held, invoke: this.clock++ });
    return id;
  }

  /** Operation `id` returned now with `result`. */
  complete(id: number, result: OpResult): void {
    const op = this.ops[id];
    if (op === undefined || op.returned !== undefined) throw new Error(`ConcurrentStretch: operation ${id} is not in flight`);
    op.returned = { at: this.clock++, result };
  }

  /**
   * Operation `id` took its own call back now (a point whose history is
   * 'undone'); the rest of its work is a new operation, invoked now, whose id
   * is returned.
   */
  undo(id: number): number {
    const op = this.ops[id];
    if (op === undefined || op.returned !== undefined) throw new Error(`ConcurrentStretch: operation ${id} is not in flight`);
    op.undone = true;
    op.returned = { at: this.clock++, result: {} };
    return this.invoke(op.thread, op.step, op.held);
  }

  /** An operation that ran to its end in one step (invoked and returned at once). */
  atomic(thread: string, step: Step, result: OpResult, held: readonly HeldRef[] = []): void {
    this.complete(this.invoke(thread, step, held), result);
  }

  /** Is the stretch explained by a run of the reference ending in `kernelState`? Every operation must have returned. */
  linearize(reference: Specification, era: Era, kernelState: AbsState): StretchVerdict {
    const end = this.ops.length;
    const history: Operation<Input, Output>[] = this.ops.map((o) => ({
      id: o.id,
      thread: o.thread,
      input: { thread: o.thread, step: o.step, held: o.held, ...(o.undone ? { undone: true as const } : {}) },
      invoke: o.invoke,
      ...(o.returned ? { returned: { at: o.returned.at, output: o.returned.result } } : {}),
    }));
    history.push({ id: end, thread: 'end', input: null, invoke: this.clock, returned: { at: this.clock + 1, output: observableState(kernelState) } });
    const spec: SequentialSpec<AbsState, Input, Output> = {
      init: this.from,
      step: (state, input) => (input === null ? [{ state, output: observableState(state) }] : input.undone ? stepUndone(reference, era, state, input.step) : stepHolding(reference, era, state, input)),
      key: (state) => JSON.stringify(state),
      sameOutput: (a, b) => (isState(a) && isState(b) ? sameState(a, b) : deepEqual(a, b)),
    };
    const verdict = linearize(history, spec);
    if (verdict.ok) {
      const order = verdict.order.filter((id) => id !== end).map((id) => (this.ops[id] as { step: Step }).step);
      return { ok: true, order };
    }
    const named = (id: number): string => {
      const o = this.ops[id];
      return o === undefined ? 'the end state' : `${o.thread}: ${formatCall(o.step)}${o.undone ? ' (a round taken back)' : ''}`;
    };
    const why = verdict.stuck.map((s) => {
      if (s.why === 'after') return `${named(s.id)} must come after ${named(s.after ?? -1)}`;
      if (s.id === end) {
        const reached = s.allowed?.[0];
        const diff = reached !== undefined && isState(reached) ? describeDifference(observableState(kernelState), reached, ['kernel', 'reference']) : undefined;
        return `the end state: ${diff ?? 'differs'}`;
      }
      const o = this.ops[s.id] as { step: Step; returned?: { result: OpResult }; undone?: true };
      const got = o.undone ? 'a pin it took back' : o.returned ? formatResult(o.step, o.returned.result) : '(in flight)';
      const allowed = (s.allowed ?? []).map((r) => formatResult(o.step, r as OpResult)).join(' or ');
      return `${named(s.id)} returned ${got}; the reference allows ${allowed || 'nothing'} there`;
    });
    const longest = verdict.longest.filter((id) => id !== end).map(named);
    return {
      ok: false,
      message: `not linearizable: no order of the ${end} operations since the first thread started is a run of the reference; the longest that fits is [${longest.join('; ')}], after which ${why.join('; ')}`,
    };
  }
}

const HELD = 'held-by-thread-';

/**
 * The reference's outcomes of `step` with the held pages referenced meanwhile
 * (see the top of the file). A held reference is taken away again after a
 * main-thread operation — unless it is the page's last user then (a
 * madvise(MADV_DONTNEED) zapped the last mapping of a page a paused fault
 * holds): the page stays the thread's until its own operation puts it, as
 * the kernel's thread does when it goes on, so a page allocation meanwhile
 * does not get it.
 */
function stepHolding(reference: Specification, era: Era, state: AbsState, input: NonNullable<Input>): { state: AbsState; output: Output }[] {
  const outcomes = (s: AbsState) => reference.step(era, s, input.step);
  if (input.thread !== MAIN_THREAD) return outcomes(state).map((o) => ({ state: putHeld(reference, era, o.state, () => true), output: o.result }));
  const live = input.held.filter((h) => state.frames[h.pfn]?.inUse === true && !Object.hasOwn(state.refs, `${HELD}${h.pfn}`));
  if (live.length === 0 && !Object.keys(state.refs).some(isHeld)) return outcomes(state).map((o) => ({ state: o.state, output: o.result }));
  const refs = { ...state.refs };
  for (const h of live) refs[`${HELD}${h.pfn}` as keyof typeof refs] = { pfn: h.pfn, proc: `p${h.proc}` } as AbsState['refs'][keyof AbsState['refs']];
  return outcomes({ ...state, refs }).map((o) => ({ state: putHeld(reference, era, o.state, (freed) => !freed), output: o.result }));
}

/**
 * The reference's outcomes of a call the kernel took back: the call, then
 * the undo of the pin it returned (unpin_user_page) with the handle number
 * handed back; the output is {} when there was a pin to undo, else the
 * call's own result (which an undone call's {} never matches). Only
 * pin_user_pages reaches a point whose history is 'undone'.
 */
function stepUndone(reference: Specification, era: Era, state: AbsState, step: Step): { state: AbsState; output: Output }[] {
  return reference.step(era, state, step).flatMap((o) => {
    const pin = 'pin' in o.result ? o.result.pin : undefined;
    if (pin === undefined) return [{ state: o.state, output: o.result }];
    return reference.step(era, o.state, { op: 'unpin_user_page', args: { pin } }).map((u) => ({ state: { ...u.state, next: { ...u.state.next, pin: state.next.pin } }, output: {} }));
  });
}

const MAIN_THREAD = 't0';
const isHeld = (id: string): boolean => id.startsWith(HELD);

/** Each held reference put by the reference's put_page, where `keep(freed)` says the put stands (freed: it freed the page). */
function putHeld(reference: Specification, era: Era, state: AbsState, keep: (freed: boolean) => boolean): AbsState {
  let s = state;
  for (const id of Object.keys(state.refs).filter(isHeld)) {
    const pfn = s.refs[id as keyof AbsState['refs']]?.pfn ?? -1;
    const put = reference.step(era, s, { op: 'put_page', args: { ref: id as keyof AbsState['refs'] } })[0];
    if (put === undefined) throw new Error(`stepHolding: put_page of ${id} has no outcome`);
    if (keep(put.state.frames[pfn]?.inUse !== true)) s = put.state;
  }
  return s;
}

const isState = (o: Output): o is AbsState => typeof o === 'object' && o !== null && 'frames' in o;
