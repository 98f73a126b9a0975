// A scenario's `runs` (src/trace/trace.ts): under each listed proposal the
// trace must either pass every check, or fail first with the named invariant
// (or 'refinement'). "First" is the first failing step: any failure of that
// kind at that step counts, since one step can break several checks at once.
import type { ScenarioRun } from '../trace/trace.ts';
import type { Failure, RunReport } from './run-report.ts';

const describe = (f: Failure): string => `step ${f.step + 1}: ${f.kind === 'invariant' ? `${f.id} (${f.side})` : f.kind}: ${f.message}`;

/** undefined when the run shows what the scenario says, else why not. */
export function judgeScenarioRun(report: RunReport, run: ScenarioRun): string | undefined {
  const first = report.failures[0];
  if (run.violates === undefined) {
    return first === undefined ? undefined : `expected every check to hold; first failure at ${describe(first)}`;
  }
  if (first === undefined) return `expected ${run.violates} to fail, but every check held`;
  const atFirstStep = report.failures.filter((f) => f.step === first.step);
  const hit = atFirstStep.some((f) => (run.violates === 'refinement' ? f.kind === 'refinement' : f.kind === 'invariant' && f.id === run.violates));
  return hit ? undefined : `expected ${run.violates} to fail first; first failure at ${describe(first)}`;
}
