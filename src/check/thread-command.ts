// The Next relation's thread commands (issue 12, with `check --threads`):
// start a CPU access as thread t1, which runs to its first interleaving
// point (models/kernel/interleaving-points.ts) or its end, and resume t1
// where it is paused. Every other command runs atomically on the main
// thread, t0, so a paused t1 interleaves with whatever the sequence does
// next; fast-check's choice of where the resume lands is the schedule.
// One thread besides the main one: a counterexample is two columns.
import fc from 'fast-check';
import type { Era } from '../../models/eras/era.ts';
import type { OpResult, Step } from '../../models/ops.ts';
import { THREAD_OPS } from '../../models/kernel/threads.ts';
import { formatThreadStep } from '../trace/format-thread-step.ts';
import {
  thread_start,
  thread_start_final_put,
  thread_start_fork,
  thread_start_gup_fast,
  thread_start_gup_longterm,
  thread_start_memory_failure,
  thread_start_memunmap,
  thread_start_migration,
} from './commands/threads.ts';
import type { CommandSpec } from './command-spec.ts';
import { type Focus, focusedWeight } from './focus.ts';
import type { OpName } from '../../models/ops.ts';
import { type PctPlan, pctPlan } from '../schedule/pct.ts';
import type { BoundChoices } from './next.ts';
import type { CheckModel } from './op-command.ts';
import type { Session } from './session.ts';
import type { CommandStats } from './stats.ts';

export const THREAD_ID = 't1';

/** A start's choices: where it runs, and under PCT the run's plan (the first start that runs sets it). */
interface StartChoices {
  readonly bound: BoundChoices;
  readonly plan?: PctPlan;
}

class StartThread implements fc.Command<CheckModel, Session> {
  private resolved: Step | undefined;
  private result: OpResult | undefined;
  private paused: string | undefined;

  constructor(
    readonly choices: StartChoices,
    private readonly stats: CommandStats,
  ) {}

  check(m: Readonly<CheckModel>): boolean {
    const running = m.paused?.().some((t) => t.id === THREAD_ID) === true;
    const step = running ? undefined : this.choices.bound.resolve(m.state, m.era);
    this.resolved = step && (THREAD_OPS as readonly string[]).includes(step.op) ? { ...step, thread: { id: THREAD_ID, kind: 'start' } } : undefined;
    this.result = undefined;
    this.paused = undefined;
    return this.resolved !== undefined;
  }

  run(m: CheckModel, r: Session): void {
    const step = this.resolved;
    if (step === undefined) throw new Error('start: run() without a successful check()');
    this.stats[step.op].ran++;
    if (this.choices.plan !== undefined) r.schedule(this.choices.plan);
    this.result = r.apply(step);
    this.paused = r.steps[r.steps.length - 1]?.paused;
    m.state = r.state();
  }

  toString(): string {
    return this.resolved === undefined ? `${THREAD_ID}: start(…)` : formatThreadStep(this.resolved, this.result, this.paused);
  }

  [fc.cloneMethod](): StartThread {
    return new StartThread(this.choices, this.stats);
  }
}

class ResumeThread implements fc.Command<CheckModel, Session> {
  private resolved: Step | undefined;
  private result: OpResult | undefined;

  check(m: Readonly<CheckModel>): boolean {
    const started = m.paused?.().find((t) => t.id === THREAD_ID)?.step;
    this.resolved = started === undefined ? undefined : { ...started, thread: { id: THREAD_ID, kind: 'resume' } };
    this.result = undefined;
    return this.resolved !== undefined;
  }

  run(m: CheckModel, r: Session): void {
    const step = this.resolved;
    if (step === undefined) throw new Error('resume: run() without a successful check()');
    this.result = r.apply(step);
    m.state = r.state();
  }

  toString(): string {
    return this.resolved === undefined ? `${THREAD_ID}: resume` : formatThreadStep(this.resolved, this.result, undefined);
  }

  [fc.cloneMethod](): ResumeThread {
    return new ResumeThread();
  }
}

/** Weights: a start is a CPU access that may pause; a resume is enabled only while t1 is paused. */
const START_WEIGHT = 10;
const RESUME_WEIGHT = 24;

/** PCT over the main thread and t1: bug depth 2 (one change point) among the run's decisions. */
const PCT_THREADS = 2;
const PCT_DEPTH = 2;

/**
 * The thread commands, weighted, for fc.oneof beside the atomic ones: starts
 * and resumes, or under 'pct' starts that carry the run's plan and no resume
 * command (the plan resumes; Session.finish resumes what is left).
 */
export function threadCommands(
  era: Era,
  stats: CommandStats,
  schedule: 'uniform' | 'pct',
  maxCommands: number,
  focus?: Focus,
): { arbitrary: fc.Arbitrary<fc.Command<CheckModel, Session>>; weight: number }[] {
  const bind = <C>(spec: CommandSpec<C>): fc.Arbitrary<BoundChoices> => spec.choices(era).map((choices): BoundChoices => ({ choices, resolve: (s, e) => spec.resolve(choices, s, e) }));
  // Each kind of start with the operations it runs: a CPU access or GUP
  // (do_swap_page's point), a fast GUP (gup_fast_pte_range's), a long-term
  // pin of a device page (__gup_longterm_locked's), a final put
  // (free_zone_device_folio's), a fork (copy_present_ptes'), a one-page
  // migration (collect's, then finalize's), a memory_failure by pgmap and index
  // (get_dev_pagemap's), a memunmap_pages (its wait's); a focus on one of
  // its operations boosts it.
  const kinds: readonly [fc.Arbitrary<BoundChoices>, readonly OpName[], number][] = [
    [bind(thread_start), ['cpu_read', 'cpu_write', 'get_user_pages', 'pin_user_pages'], 2],
    [bind(thread_start_gup_fast), ['get_user_pages', 'pin_user_pages'], 1],
    [bind(thread_start_gup_longterm), ['pin_user_pages'], 1],
    [bind(thread_start_final_put), ['munmap', 'put_page', 'unpin_user_page'], 1],
    [bind(thread_start_fork), ['fork'], 1],
    [bind(thread_start_migration), ['migrate_to_device', 'migrate_to_ram'], 1],
    [bind(thread_start_memory_failure), ['memory_failure'], 1],
    [bind(thread_start_memunmap), ['memunmap_pages'], 1],
  ];
  const bound = fc.oneof(...kinds.map(([arbitrary, ops, weight]) => ({ arbitrary, weight: focusedWeight(weight, ops, focus) })));
  if (schedule === 'pct') {
    const start = fc.tuple(bound, pctPlan(PCT_THREADS, PCT_DEPTH, maxCommands)).map(([b, plan]): fc.Command<CheckModel, Session> => new StartThread({ bound: b, plan }, stats));
    return [{ arbitrary: start, weight: START_WEIGHT }];
  }
  const start = bound.map((b): fc.Command<CheckModel, Session> => new StartThread({ bound: b }, stats));
  return [
    { arbitrary: start, weight: START_WEIGHT },
    { arbitrary: fc.constant(null).map((): fc.Command<CheckModel, Session> => new ResumeThread()), weight: RESUME_WEIGHT },
  ];
}
