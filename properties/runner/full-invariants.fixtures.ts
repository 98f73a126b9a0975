// Both invariant modes over the same command sequences: the pair that judges
// the reference side once where the views agree (the default) and the pair
// that judges it at every step (fullInvariants) must record the same
// findings, refinement verdicts and outcomes at every step. A run is driven
// through fast-check's modelRun, as the checker drives it, and never stops
// at a finding: every step of every sequence is compared.
import { sequentialSession } from '../../src/check/sequential-session.ts';
import fc from 'fast-check';
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import { checkRun } from '../../src/check/check-run.ts';
import type { CheckModel } from '../../src/check/op-command.ts';
import type { Session } from '../../src/check/session.ts';
import { createPair } from '../../src/runner/create-pair.ts';
import type { PairStep } from '../../src/runner/pair-types.ts';

type Judged = Pick<PairStep, 'invariants' | 'refinement' | 'matched' | 'crash'>;

function recordingSession(proposal: ResolvedProposal, fullInvariants: boolean, into: Judged[]): Session {
  const pair = createPair(proposal, { fullInvariants });
  into.push({ invariants: pair.start.invariants, ...(pair.start.refinement ? { refinement: pair.start.refinement } : {}) });
  return sequentialSession(
    () => pair.kernelView().state,
    (step) => {
      const rec = pair.step(step);
      const { invariants, refinement, matched, crash } = rec;
      into.push({ invariants, ...(refinement ? { refinement } : {}), ...(matched === undefined ? {} : { matched }), ...(crash ? { crash } : {}) });
      // A crash ends the run (the pair refuses further steps).
      if (rec.kernel === undefined || pair.crashed) throw new Error('crashed');
      return rec.kernel.result;
    },
  );
}

/** Every step's judgement in both modes, over `sequences` command sequences of the proposal's own check. */
export function bothModes(proposal: ResolvedProposal, sequences: number, seed: number, maxCommands = 40): { fast: Judged[]; full: Judged[] } {
  const fast: Judged[] = [];
  const full: Judged[] = [];
  const run = checkRun(proposal, { maxCommands });
  for (const cmds of fc.sample(run.commands, { numRuns: sequences, seed })) {
    for (const [mode, into] of [
      [false, full],
      [true, fast],
    ] as const) {
      // fullInvariants = !mode: `fast` is the default pair.
      const session = recordingSession(proposal, !mode, into);
      try {
        fc.modelRun(() => ({ model: { state: session.state(), era: proposal.era } satisfies CheckModel, real: session }), cmds);
      } catch (e) {
        if (!(e instanceof Error && e.message === 'crashed')) throw e;
      }
    }
  }
  return { fast, full };
}
