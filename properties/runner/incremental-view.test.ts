// While the two views agree, the pair derives the reference's next view
// from the last one, deriving again only the frames the step touched, and
// compares only those frames' counters with the kernel's (pair.ts,
// models/derive/derive-view.ts, views-agree.ts countersAgreeAt). Both must
// be exactly what deriving and comparing everything gives, at every step
// of the built-ins' and mutants' own check sequences — the mutants'
// counter bugs make the views disagree, so both answers are exercised.
import { sequentialSession } from '../../src/check/sequential-session.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveView } from '../../models/derive/derive-view.ts';
import type { Specification } from '../../models/model.ts';
import { MUTANTS } from '../../models/mutants/catalogue.ts';
import { BUILTIN_NAMES } from '../../models/proposals/registry.ts';
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import type { View } from '../../models/view.ts';
import { checkRun } from '../../src/check/check-run.ts';
import type { CheckModel } from '../../src/check/op-command.ts';
import type { Session } from '../../src/check/session.ts';
import { REAL_MODELS } from '../../src/runner/create-pair.ts';
import { createPairWith } from '../../src/runner/pair.ts';
import { countersAgree, countersAgreeAt } from '../../src/runner/views-agree.ts';
import { touchedFrames } from '../../models/invariants/touched.ts';
import { ERAS } from '../../models/eras/registry.ts';
import type { AbsState } from '../../models/state.ts';
import { anonPage, anonVma, pte, stateWith } from '../invariants/fixtures/state-with.ts';
import { viewOf, withCounters, withMemcgUsage, withPgmapRef } from '../invariants/fixtures/view-with.ts';

interface Tally {
  incremental: number;
  agreed: number;
  disagreed: number;
}

/** The reference, checking each incremental view against a full derivation. */
function checkedReference(tally: Tally): Specification {
  return {
    ...REAL_MODELS.reference,
    view(era, state, from) {
      const view = deriveView(era, state, from);
      if (from !== undefined) {
        tally.incremental++;
        expect(view).toEqual(deriveView(era, state));
      }
      return view;
    },
  };
}

function walk(proposal: ResolvedProposal, sequences: number, seed: number, maxCommands: number, tally: Tally): void {
  const run = checkRun(proposal, { maxCommands });
  for (const cmds of fc.sample(run.commands, { numRuns: sequences, seed })) {
    const pair = createPairWith({ ...REAL_MODELS, reference: checkedReference(tally) }, proposal);
    let before: { kernel: View; reference: View } = { kernel: pair.kernelView(), reference: pair.referenceView() };
    const session: Session = sequentialSession(
      () => pair.kernelView().state,
      (step) => {
        const rec = pair.step(step);
        if (rec.kernel === undefined || pair.crashed) throw new Error('crashed');
        const kernel = pair.kernelView();
        const reference = pair.referenceView();
        const touched = touchedFrames(before.kernel, kernel);
        const wasAgreeing = before.kernel.state === before.reference.state && countersAgree(before.kernel, before.reference);
        if (wasAgreeing && rec.matched !== undefined && touched !== undefined) {
          const full = countersAgree(kernel, reference);
          expect(countersAgreeAt(kernel, reference, touched)).toBe(full);
          if (full) tally.agreed++;
          else tally.disagreed++;
        }
        before = { kernel, reference };
        return rec.kernel.result;
      },
    );
    try {
      fc.modelRun(() => ({ model: { state: session.state(), era: proposal.era } satisfies CheckModel, real: session }), cmds);
    } catch (e) {
      if (!(e instanceof Error && e.message === 'crashed')) throw e;
    }
  }
}

describe("the reference's view derived from the last one where the views agree", () => {
  it('every built-in: the same view and the same agreement as deriving and comparing everything', () => {
    const tally: Tally = { incremental: 0, agreed: 0, disagreed: 0 };
    for (const name of BUILTIN_NAMES) walk(resolveBuiltin(name), 4, 11, 40, tally);
    expect(tally.incremental).toBeGreaterThan(500);
    expect(tally.agreed).toBeGreaterThan(500);
  });

  it('every mutant: the same, including steps after which the counters disagree', () => {
    const tally: Tally = { incremental: 0, agreed: 0, disagreed: 0 };
    for (const m of MUTANTS) walk(resolveProposal(m.proposal), 1, 7, m.budget.maxCommands, tally);
    expect(tally.incremental).toBeGreaterThan(200);
    expect(tally.disagreed).toBeGreaterThan(0);
  });
});

describe('deriveView from the last view, and countersAgreeAt, on hand-built states', () => {
  const era = ERAS.upstream;
  const mapped = stateWith({ frames: { 5: anonPage(1) }, procs: { p0: { vmas: [anonVma(0, 4)], ptes: { 0: pte('present', 5) } } }, pgmaps: { pgmap0: { type: 'PRIVATE' } } });
  const unmapped = stateWith({ frames: { 5: anonPage(1) }, procs: { p0: { vmas: [anonVma(0, 4)] } }, pgmaps: { pgmap0: { type: 'PRIVATE' } } });

  it('derives the touched frames again and keeps the others', () => {
    const from = deriveView(era, mapped);
    expect(deriveView(era, unmapped, { view: from, touched: [5] })).toEqual(deriveView(era, unmapped));
    // An untouched frame keeps the old view's counters, whatever the state says.
    expect(deriveView(era, unmapped, { view: from, touched: [] }).counters[5]).toEqual(from.counters[5]);
  });

  it('drops a touched frame the state no longer has', () => {
    const gone = { ...unmapped, frames: Object.fromEntries(Object.entries(unmapped.frames).filter(([pfn]) => pfn !== '5')) } as AbsState;
    const view = deriveView(era, gone, { view: deriveView(era, mapped), touched: [5] });
    expect(view.counters[5]).toBeUndefined();
    expect(view).toEqual(deriveView(era, gone));
  });

  it('countersAgreeAt: a touched frame, the pgmap references or the memcg usage that differ disagree; an untouched frame is not compared', () => {
    const kernel = viewOf(mapped);
    expect(countersAgreeAt(kernel, viewOf(mapped), [5])).toBe(true);
    expect(countersAgreeAt(withCounters(kernel, 5, { refcount: 9 }), viewOf(mapped), [5])).toBe(false);
    expect(countersAgreeAt(withCounters(kernel, 5, { refcount: 9 }), viewOf(mapped), [1])).toBe(true);
    expect(countersAgreeAt(withPgmapRef(kernel, 'pgmap0', 7), viewOf(mapped), [5])).toBe(false);
    expect(countersAgreeAt(withMemcgUsage(kernel, 'm0', 7), viewOf(mapped), [5])).toBe(false);
    expect(countersAgreeAt(kernel, viewOf(mapped, 'v6.1'), [5])).toBe(false);
  });
});
