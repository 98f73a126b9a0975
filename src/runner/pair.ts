// createPairWith: a kernel instance (with the proposal's hooks) and the
// reference state stepping together. Each step applies the operation to the
// kernel model, asks the reference for the allowed outcomes, checks
// refinement, continues from the matching (or closest) outcome, and evaluates
// the invariants on both sides — once, when the two sides' views agree
// (views-agree.ts), since an invariant's verdict depends on nothing else. The models are passed in so tests and
// benchmarks can substitute them; create-pair.ts binds the real ones.
import type { KernelInstance, KernelSnapshot, Specification, ThreadApplied } from '../../models/model.ts';
import type { Era } from '../../models/eras/era.ts';
import type { Hooks } from '../../models/kernel/hooks.ts';
import { interleavingPoint } from '../../models/kernel/interleaving-points.ts';
import type { Step } from '../../models/ops.ts';
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import type { AbsState } from '../../models/state.ts';
import type { View } from '../../models/view.ts';
import type { Invariant } from '../../models/invariants/invariant.ts';
import type { Pfn } from '../../models/vocabulary.ts';
import { deepEqual, describeDifference } from './deep-equal.ts';
import { atInterleavingPoint, evaluateInvariants, findingsOf, judgeView } from './evaluate-invariants.ts';
import { ConcurrentStretch, type StretchData } from './concurrent-stretch.ts';
import { HookBadReturn } from './hook-bad-return.ts';
import { HookCrash, errorMessage, guardHooks } from './hook-crash.ts';
import type { Crash, Pair, PairOptions, PairSnapshot, PairStart, PairStep, PairThreadStep } from './pair-types.ts';
import { checkRefinement } from './refinement.ts';
import { countersAgree, countersAgreeAt } from './views-agree.ts';

export interface PairModels {
  readonly reference: Specification;
  readonly createKernel: (era: Era, hooks: Hooks) => KernelInstance;
  readonly invariants: readonly Invariant[];
  /**
   * The frames a step touched (models/invariants/touched.ts), undefined when
   * it cannot say. Absent: every step judges every frame (fake models whose
   * states have no frames).
   */
  readonly touchedFrames?: (before: View, after: View) => readonly Pfn[] | undefined;
}

/** A thread's step as a PairStep (a step marked with its thread): paused, or done with its result. */
function threadPairStep(step: Step, t: PairThreadStep): PairStep {
  const { progress, events } = t;
  return {
    step,
    ...(progress === undefined ? {} : progress.done ? { kernel: { result: progress.result, events } } : { paused: progress.label }),
    ...(t.crash === undefined ? {} : { crash: t.crash }),
    ...(t.refinement === undefined ? {} : { refinement: t.refinement }),
    ...(t.linearized === undefined && t.refinement === undefined ? { concurrent: true as const } : {}),
    allowed: [],
    invariants: t.invariants,
    before: t.before,
    after: t.after,
  };
}

/** A step that would wait for a paused thread (KernelInstance.blockedBy): not enabled until it goes on. */
export class StepBlocked extends Error {
  constructor(readonly thread: string) {
    super(`the step waits for thread ${thread}, paused in the kernel: resume ${thread} first`);
  }
}

/** What a kernel model's throw becomes: the proposal's fault when a hook threw or returned nonsense. */
function kernelCrash(e: unknown): Crash {
  return e instanceof HookCrash || e instanceof HookBadReturn
    ? { in: 'proposal', fault: e.fault, message: e.message }
    : { in: 'proposal', fault: 'proposal-crashed', message: `the kernel model threw (outside any hook): ${errorMessage(e)}` };
}

export function createPairWith(models: PairModels, proposal: ResolvedProposal, options: PairOptions = {}): Pair {
  const { era } = proposal;
  const { reference } = models;
  const invariants = options.invariants ? models.invariants.filter((inv) => options.invariants?.includes(inv.id)) : models.invariants;
  const checkReference = options.sides !== 'kernel';
  // Only the proposal's own hooks have their results checked (hook-crash.ts).
  const kernel = models.createKernel(era, guardHooks(proposal.hooks, proposal.overridden));
  let refState: AbsState = reference.init(era);
  let kernelView = kernel.view();
  let refView: View = reference.view(era, refState);
  let crashed = false;
  // The reference's state equals the kernel's abstraction (the last step matched): a lean snapshot need not keep it.
  let refIsKernel = false;

  const startJudged = judgeView(invariants, kernelView);
  const start: PairStart = {
    refinement: describeDifference(kernelView.state, refState, ['kernel', 'reference']),
    invariants: [...findingsOf('kernel', startJudged), ...(checkReference ? evaluateInvariants(invariants, 'reference', refView) : [])],
  };
  // The two views agree (views-agree.ts): the reference side's invariants can
  // then reuse the kernel side's verdicts. And while the kernel's last view
  // broke no rule, a step's per-frame rules judge only the frames it touched
  // (models/invariants/touched.ts).
  const reuse = options.fullInvariants !== true;
  const touchedFrames = reuse ? models.touchedFrames : undefined;
  let kernelClean = startJudged.length === 0;
  let viewsAgree = reuse && checkReference && start.refinement === undefined && countersAgree(kernelView, refView);

  function step(step: Step): PairStep {
    if (step.thread !== undefined) return threadPairStep(step, step.thread.kind === 'start' ? startThread(step.thread.id, step) : resumeThread(step.thread.id));
    if (crashed) throw new Error('createPair: step() after a crash');
    const waitsFor = stretch === undefined ? undefined : kernel.blockedBy?.(step);
    if (waitsFor !== undefined) throw new StepBlocked(waitsFor);
    const before = kernelView;
    let applied: ReturnType<KernelInstance['apply']>;
    let kernelState: AbsState;
    try {
      applied = kernel.apply(step);
      // view() abstracts the state itself: one abstraction per step serves the refinement check and the invariants.
      kernelView = kernel.view();
      kernelState = kernelView.state;
    } catch (e) {
      crashed = true;
      return { step, crash: kernelCrash(e), allowed: [], invariants: [], before, after: before };
    }
    if (stretch !== undefined) {
      // A thread is paused: the reference runs this step when the stretch is linearized.
      stretch.atomic('t0', step, applied.result, kernel.threadRefs?.() ?? []);
      kernelClean = false;
      viewsAgree = false;
      const judged = atInterleavingPoint(judgeView(invariants, kernelView, before, { ...step, ...applied }));
      return { step, kernel: applied, concurrent: true, allowed: [], invariants: findingsOf('kernel', judged), before, after: kernelView };
    }
    let allowed: PairStep['allowed'];
    try {
      allowed = reference.step(era, refState, step);
    } catch (e) {
      crashed = true;
      const crash: Crash = { in: 'reference', message: `the reference threw: ${errorMessage(e)}` };
      return { step, kernel: applied, crash, allowed: [], invariants: [], before, after: kernelView };
    }
    const verdict = checkRefinement(step, applied.result, kernelState, allowed);
    const chosen = allowed[verdict.outcome];
    const refBefore = refView;
    // A match means the two states are deepEqual: the reference goes on from
    // the kernel's abstraction itself, so the two share every object the next
    // step leaves alone (the reference's drafts are copy-on-write, the
    // kernel's abstraction reuses unchanged objects) and the next
    // comparison skips them by identity.
    if (chosen) refState = verdict.matched ? kernelState : chosen.state;
    refIsKernel = verdict.matched;
    // The frames the step touched serve the per-frame rules while the
    // kernel's last view was clean, and the reference's view while the two
    // views agreed: it derives those frames' counters again, keeps the rest,
    // and compares those alone (the others agreed and did not change).
    const incremental = viewsAgree && verdict.matched;
    const touched = kernelClean || incremental ? touchedFrames?.(before, kernelView) : undefined;
    const judged = judgeView(invariants, kernelView, before, touched === undefined || !kernelClean ? { ...step, ...applied } : { ...step, ...applied, touched });
    kernelClean = judged.length === 0;
    const findings = findingsOf('kernel', judged);
    if (checkReference && chosen) {
      const from = incremental && touched !== undefined ? { view: refBefore, touched } : undefined;
      refView = reference.view(era, refState, from);
      const agree = reuse && verdict.matched && (from === undefined ? countersAgree(kernelView, refView) : countersAgreeAt(kernelView, refView, from.touched));
      const same = agree && viewsAgree && deepEqual(applied.events, chosen.events);
      findings.push(...findingsOf('reference', same ? judged : judgeView(invariants, refView, refBefore, { ...step, ...chosen })));
      viewsAgree = agree;
    } else viewsAgree = false;
    return {
      step,
      kernel: applied,
      allowed,
      ...(verdict.matched ? { matched: verdict.outcome } : { refinement: verdict.message }),
      invariants: findings,
      before,
      after: kernelView,
    };
  }

  // Threads (issue 12). From a thread's start until no thread is paused, the
  // pair records a concurrent stretch instead of stepping the reference;
  // at its end the stretch must be linearizable (concurrent-stretch.ts).
  // The start's own reference state is where the stretch begins.
  let stretch: ConcurrentStretch | undefined;
  const inFlight = new Map<string, { readonly op: number; readonly step: Step }>();

  function threadStep(kind: 'start' | 'resume', thread: string, step: Step, run: () => ThreadApplied): PairThreadStep {
    if (crashed) throw new Error(`createPair: ${kind}Thread() after a crash`);
    const before = kernelView;
    let applied: ThreadApplied;
    try {
      applied = run();
      kernelView = kernel.view();
    } catch (e) {
      crashed = true;
      return { thread, kind, step, events: [], crash: kernelCrash(e), invariants: [], before, after: before };
    }
    const { progress, events } = applied;
    stretch ??= new ConcurrentStretch(refState);
    let op = kind === 'start' ? stretch.invoke(thread, step) : (inFlight.get(thread)?.op ?? -1);
    inFlight.delete(thread);
    if (progress.done) stretch.complete(op, progress.result);
    else {
      // A long-term pin between two rounds: the round before is a call of its own, taken back.
      if (interleavingPoint(progress.label)?.history === 'undone') op = stretch.undo(op);
      inFlight.set(thread, { op, step });
    }
    kernelClean = false;
    viewsAgree = false;
    // A thread that paused has no result yet: the clauses about a step's result wait for the step that returns.
    const judged = progress.done ? judgeView(invariants, kernelView, before, { ...step, result: progress.result, events }) : judgeView(invariants, kernelView, before);
    const common = { thread, kind, step, progress, events, before, after: kernelView };
    if (inFlight.size > 0) return { ...common, invariants: findingsOf('kernel', atInterleavingPoint(judged)) };
    // The stretch is over: linearize it, then judge every clause. The
    // reference goes on from the kernel's abstraction, which the order found
    // reaches up to what is observable (observable-state.ts): its own end
    // state may name system frames by other pfns, which the next step's exact
    // comparison would take for a difference. So the reference side has no
    // invariants of its own here: they would restate the kernel side's.
    const verdict = stretch.linearize(reference, era, kernelView.state);
    stretch = undefined;
    refState = kernelView.state;
    refIsKernel = true;
    refView = reference.view(era, refState);
    kernelClean = judged.length === 0;
    const findings = findingsOf('kernel', judged);
    return { ...common, ...(verdict.ok ? { linearized: verdict.order } : { refinement: verdict.message }), invariants: findings };
  }

  function startThread(id: string, step: Step): PairThreadStep {
    if (inFlight.has(id)) throw new Error(`createPair: thread ${id} is already running`);
    return threadStep('start', id, step, () => threadModel().startThread(id, step));
  }

  function resumeThread(id: string): PairThreadStep {
    const running = inFlight.get(id);
    if (running === undefined) throw new Error(`createPair: thread ${id} is not paused`);
    return threadStep('resume', id, running.step, () => threadModel().resumeThread(id));
  }

  function threadModel(): Required<Pick<KernelInstance, 'startThread' | 'resumeThread'>> {
    const { startThread, resumeThread } = kernel;
    if (!startThread || !resumeThread) throw new Error('createPair: this kernel model has no threads');
    return { startThread: startThread.bind(kernel), resumeThread: resumeThread.bind(kernel) };
  }

  // A snapshot keeps the views only when asked (`withViews`): they are the
  // largest part, and recomputing them costs one abstraction per side.
  interface Saved {
    readonly kernel: KernelSnapshot;
    /** Absent when it is the kernel's abstraction (recomputed on restore). */
    readonly refState?: AbsState;
    /** The kernel's view broke no rule (a step after the restore may judge only what it touched). */
    readonly kernelClean: boolean;
    readonly views?: { readonly kernelView: View; readonly refView: View; readonly viewsAgree: boolean };
    /** A concurrent stretch in progress, and the step each paused thread runs. */
    readonly stretch?: { readonly data: StretchData; readonly inFlight: readonly (readonly [string, { readonly op: number; readonly step: Step }])[] };
  }

  return {
    start,
    step,
    // Views and reference states are never changed after they are made, so they are kept as they are.
    save(withViews = false) {
      return {
        kernel: kernel.save(),
        kernelClean,
        ...(withViews ? { refState, views: { kernelView, refView, viewsAgree } } : refIsKernel ? {} : { refState }),
        ...(stretch === undefined ? {} : { stretch: { data: stretch.save(), inFlight: [...inFlight] } }),
      } satisfies Saved as unknown as PairSnapshot;
    },
    restore(snapshot) {
      if (crashed) throw new Error('createPair: restore() after a crash');
      const s = snapshot as unknown as Saved;
      stretch = s.stretch === undefined ? undefined : ConcurrentStretch.restore(s.stretch.data);
      inFlight.clear();
      for (const [id, t] of s.stretch?.inFlight ?? []) inFlight.set(id, t);
      kernel.restore(s.kernel, s.views?.kernelView);
      refIsKernel = s.refState === undefined;
      kernelClean = s.kernelClean;
      if (s.views !== undefined) ({ kernelView, refView, viewsAgree } = s.views);
      else kernelView = kernel.view();
      refState = s.refState ?? kernelView.state;
      if (s.views === undefined) {
        refView = reference.view(era, refState);
        viewsAgree = reuse && checkReference && deepEqual(kernelView.state, refState) && countersAgree(kernelView, refView);
      }
    },
    stateWords: () => kernel.stateWords(),
    stretchKey: () => stretch?.key(),
    get crashed() {
      return crashed;
    },
    kernelView: () => kernelView,
    referenceView: () => (checkReference ? refView : reference.view(era, refState)),
    pausedThreads: () =>
      (kernel.pausedThreads?.() ?? []).flatMap((t) => {
        const running = inFlight.get(t.id);
        return running === undefined ? [] : [{ ...t, step: running.step }];
      }),
    blockedBy: (s) => (stretch === undefined ? undefined : kernel.blockedBy?.(s)),
  };
}
