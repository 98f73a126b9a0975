// One generated command: bound choices that resolve, at check() time,
// against the model's abstract state into a concrete step; run() applies
// that step to the pair (kernel model + reference). The resolved step and
// its result are kept so a command prints as the kernel call it made.
import fc from 'fast-check';
import type { Era } from '../../models/eras/era.ts';
import type { OpName, OpResult, Step } from '../../models/ops.ts';
import type { AbsState } from '../../models/state.ts';
import { formatCall } from '../trace/format-call.ts';
import type { BoundChoices, NextEntry } from './next.ts';
import { threadCommands } from './thread-command.ts';
import type { Focus } from './focus.ts';
import type { Session } from './session.ts';
import type { CommandStats } from './stats.ts';

/** fast-check's model: the abstract state the next command resolves against. */
export interface CheckModel {
  state: AbsState;
  readonly era: Era;
  /** Would a step wait for a paused thread (Session.blocked); absent: none can. */
  readonly blocked?: (step: Step) => boolean;
  /** The threads paused now, each with the step it runs (Session.paused; absent: none ever is). */
  readonly paused?: () => readonly { readonly id: string; readonly step: Step }[];
  /** Under a PCT plan a step that would wait runs after the paused thread goes on: it stays enabled. */
  readonly scheduled?: boolean;
}

export class OpCommand implements fc.Command<CheckModel, Session> {
  private resolved: Step | undefined;
  private result: OpResult | undefined;

  constructor(
    readonly op: OpName,
    readonly bound: BoundChoices,
    private readonly stats: CommandStats,
  ) {}

  // The one place a command is skipped: no live handle fits its choices.
  check(m: Readonly<CheckModel>): boolean {
    const step = this.bound.resolve(m.state, m.era);
    // A step that would wait for a paused thread is not enabled until it goes on.
    this.resolved = step !== undefined && m.scheduled !== true && m.blocked?.(step) === true ? undefined : step;
    this.result = undefined;
    const counts = this.stats[this.op];
    counts.checked++;
    if (this.resolved === undefined) counts.skipped++;
    else if (this.resolved.op !== this.op) counts.substituted++;
    return this.resolved !== undefined;
  }

  // Deterministic: applies the step check() resolved; no randomness here.
  run(m: CheckModel, r: Session): void {
    const step = this.resolved;
    if (step === undefined) throw new Error(`${this.op}: run() without a successful check()`);
    this.stats[this.op].ran++;
    this.result = r.apply(step);
    m.state = r.state();
  }

  toString(): string {
    return this.resolved === undefined ? `${this.op}(…)` : formatCall(this.resolved, this.result);
  }

  // Each run gets a fresh copy, so one run's resolution never shows in another's output.
  [fc.cloneMethod](): OpCommand {
    return new OpCommand(this.op, this.bound, this.stats);
  }
}

/** The weighted command arbitrary for fc.commands, over the whole Next relation; `threads`: with the thread commands (thread-command.ts), scheduled so. */
export function commandArbitrary(
  entries: readonly NextEntry[],
  era: Era,
  stats: CommandStats,
  threads?: { readonly schedule: 'uniform' | 'pct'; readonly maxCommands: number; readonly focus?: Focus },
): fc.Arbitrary<fc.Command<CheckModel, Session>> {
  const atomic = entries.map((e) => ({ arbitrary: e.generate(era).map((b): fc.Command<CheckModel, Session> => new OpCommand(e.op, b, stats)), weight: e.weight }));
  return fc.oneof(...atomic, ...(threads ? threadCommands(era, stats, threads.schedule, threads.maxCommands, threads.focus) : []));
}
