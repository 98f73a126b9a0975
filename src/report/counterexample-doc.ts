// The content of a counterexample report, independent of its format: what
// text.ts and markdown.ts lay out. Built from the re-run (explain-
// counterexample.ts): numbered steps as kernel calls with results, the
// frames each touched, the check that failed with its statement and guards,
// expected vs actual at the failing step, and the replay commands.
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import { invariantById } from '../../models/invariants/all.ts';
import type { InvariantId } from '../../models/invariants/invariant.ts';
import { INVARIANT_IDS } from '../../models/invariants/invariant.ts';
import type { CheckId } from '../check/failure.ts';
import { asStep } from '../runner/run-trace.ts';
import { formatThreadStep, MAIN_THREAD } from '../trace/format-thread-step.ts';
import { interleavingColumns } from './interleaving-columns.ts';
import { formatCall, formatResult } from '../trace/format-call.ts';
import type { Explained } from './explain-counterexample.ts';
import { frameLines } from './frame-line.ts';

export interface DocStep {
  readonly n: number;
  readonly call: string;
  readonly failing: boolean;
  /** One line per frame touched, as the words a text report wraps between. */
  readonly frames: readonly (readonly string[])[];
}

export interface CounterexampleDoc {
  readonly headline: string;
  readonly proposal: { readonly name: string; readonly title: string; readonly source: string; readonly era: string };
  readonly check: CheckId;
  readonly side?: string;
  readonly statement: string;
  readonly guards: readonly string[];
  readonly steps: readonly DocStep[];
  /** Where threads ran (issue 12): the steps again, one column per thread (interleaving-columns.ts); empty for a sequential run. */
  readonly interleaving: readonly string[];
  readonly failingStep: number;
  readonly expected: readonly string[];
  readonly actual: readonly string[];
  readonly seed: number;
  readonly path: string;
  /** How the steps were found: "shrunk" by the random checker or "shortest" by explore. */
  readonly how: 'shrunk' | 'shortest';
  /** One sentence on how to get it again: the seed and path, or explore's search. */
  readonly found: string;
  readonly replay: readonly string[];
}

const isInvariant = (c: CheckId): c is InvariantId => (INVARIANT_IDS as readonly string[]).includes(c);

const STATEMENTS: Record<Exclude<CheckId, InvariantId>, { statement: string; guards: string[] }> = {
  refinement: { statement: "the kernel model's result and state are one of the outcomes the reference allows", guards: ['docs/operations.md (the specification)'] },
  'proposal-crashed': { statement: "a proposal's hook threw an exception", guards: ["the proposal's hooks"] },
  'proposal-timeout': { statement: "a proposal's hook did not return in time (a loop or a block)", guards: ["the proposal's hooks"] },
  'specification-crashed': { statement: "zdspec's specification (the reference model) threw: a bug in zdspec, not in the proposal", guards: ['models/reference/'] },
  'proposal-bad-return': { statement: "a proposal's hook returned something that is not the decision its kernel function makes", guards: ["the proposal's hooks"] },
};

export function buildDoc(explained: Explained, proposal: ResolvedProposal, replay: readonly string[]): CounterexampleDoc {
  const cx = explained.counterexample;
  const { finding } = cx;
  const info = isInvariant(cx.check) ? invariantById(cx.check) : STATEMENTS[cx.check];
  const steps: DocStep[] = cx.steps.map((ran, i) => ({
    n: i + 1,
    call: ran.result === undefined && ran.paused === undefined ? `${formatCall(ran.step)} (did not return)` : formatThreadStep(ran.step, ran.result, ran.paused),
    failing: i === finding.stepIndex,
    frames: frameLines(explained.steps[i]?.frames ?? []),
  }));
  const threaded = cx.steps.some((ran) => ran.step.thread !== undefined);
  const interleaving = threaded
    ? interleavingColumns(cx.steps.map((ran) => ({ thread: ran.step.thread?.id ?? `${MAIN_THREAD} (main)`, text: formatThreadStep(ran.step, ran.result, ran.paused, false) })))
    : [];
  const failing = explained.steps[finding.stepIndex]?.record;
  const expected: string[] = [];
  const actual: string[] = [];
  if (failing !== undefined) {
    const step = failing.step;
    const allowed = failing.allowed.map((o) => `= ${formatResult(step, o.result)}`);
    if (allowed.length > 0) expected.push(`the reference allows: ${formatCall(asStep(step))} ${allowed.join(' or ')}`);
    const unfinished = failing.paused !== undefined ? `${step.thread?.id ?? 'the thread'} paused after ${failing.paused}, no result yet` : (failing.crash?.message ?? 'no result');
    actual.push(failing.kernel ? `the kernel model did: ${formatCall(step, failing.kernel.result)}` : `the kernel model: ${unfinished}`);
  }
  if (isInvariant(cx.check)) expected.push(`${cx.check} holds after the step`);
  actual.push(finding.kind === 'invariant' ? `${cx.check} (${finding.side ?? 'kernel'}): ${finding.message}` : finding.message);
  return {
    headline: `${cx.proposal} ${finding.kind === 'invariant' || finding.kind === 'refinement' ? 'violates' : 'fails'} ${cx.check}`,
    proposal: { name: cx.proposal, title: proposal.title, source: proposal.source, era: proposal.era.name },
    check: cx.check,
    ...(finding.side === undefined ? {} : { side: finding.side }),
    statement: info.statement,
    guards: info.guards,
    steps,
    interleaving,
    failingStep: finding.stepIndex + 1,
    expected,
    actual,
    seed: cx.seed,
    path: cx.path,
    how: cx.explored === undefined ? 'shrunk' : 'shortest',
    found:
      cx.explored === undefined
        ? `Seed ${cx.seed}, path ${cx.path}`
        : `Found by zdspec explore after ${cx.explored.states.toLocaleString('en-US')} distinct states (${cx.explored.bounds}), breadth first: no shorter trace within these bounds fails`,
    replay,
  };
}
