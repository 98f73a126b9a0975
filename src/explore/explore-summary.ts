// What `zdspec explore` prints and writes to explore.json: the verdict
// ("complete to depth d", "bounded: complete to depth d", or the
// violation), then the counts — distinct states, transitions, rate, the
// frontier per depth and the memory a state took.
import { wrap } from '../report/wrap.ts';
import { describeBounds } from './describe-bounds.ts';
import type { ExploreResult } from './explore.ts';

const n = (x: number): string => x.toLocaleString('en-US');

export function verdictLine(r: ExploreResult): string {
  switch (r.stop) {
    case 'violation': {
      const v = r.violation;
      const of = r.fromSteps === undefined ? '' : ` of the --from trace's last state (its ${r.fromSteps} steps first)`;
      return `violation: ${v?.finding.check ?? '?'} after ${v?.steps.length ?? 0} steps (shortest: every state within ${r.completeDepth} ${r.completeDepth === 1 ? 'step' : 'steps'}${of} was checked first)`;
    }
    case 'complete':
      return `complete to depth ${r.completeDepth}: no violation`;
    case 'no-more-states':
      return `complete to depth ${r.completeDepth}: no violation, and no new state after it (every reachable state within the bounds)`;
    case 'max-states':
      return `bounded: complete to depth ${r.completeDepth} (--max-states ${n(r.maxStates ?? r.states)} reached while expanding depth ${r.completeDepth}; no violation so far)`;
    case 'max-memory':
      return `bounded: complete to depth ${r.completeDepth} (--max-memory reached while expanding depth ${r.completeDepth}; no violation so far)`;
  }
}

export function exploreSummary(r: ExploreResult, counterexample?: string): { lines: string[]; json: Record<string, unknown> } {
  const secs = r.elapsedMs / 1000;
  const rate = secs > 0 ? Math.round(r.states / secs) : r.states;
  const perState = r.states > 0 ? Math.round(r.heapBytes / r.states) : 0;
  // 80 columns, as every text zdspec prints for an email (wrap.ts).
  const lines = [
    ...wrap(
      `explore ${r.proposal} (${r.era}), depth ${r.maxDepth}, ${describeBounds(r.bounds)}${r.threads ? `, with threads${r.por ? ' (partial-order reduced)' : ''}` : ''}${r.fromSteps === undefined ? '' : `, from a ${r.fromSteps}-step trace`}`,
      '',
    ),
    ...wrap(verdictLine(r), ''),
    ...wrap(`states ${n(r.states)} distinct, transitions ${n(r.transitions)}, ${secs.toFixed(1)} s, ${n(rate)} states/s`, '  '),
    ...wrap(`new states by depth: ${r.frontier.map(n).join(' ')}${r.partial ? ' (the last depth: part-way)' : ''}`, '  '),
    ...wrap(
      `memory: ${(r.heapBytes / 2 ** 20).toFixed(0)} MB heap growth (~${n(perState)} bytes a state), seen set ${(r.seenBytes / 2 ** 20).toFixed(1)} MB${r.exact ? ' (exact keys)' : ' (64-bit hashes)'}`,
      '  ',
    ),
  ];
  const json = {
    proposal: r.proposal,
    era: r.era,
    depth: r.maxDepth,
    bounds: r.bounds,
    checks: r.checks,
    stop: r.stop,
    verdict: verdictLine(r),
    completeDepth: r.completeDepth,
    states: r.states,
    transitions: r.transitions,
    elapsedMs: Math.round(r.elapsedMs),
    statesPerSecond: rate,
    frontier: r.frontier,
    partial: r.partial,
    heapBytes: r.heapBytes,
    bytesPerState: perState,
    seenBytes: r.seenBytes,
    exact: r.exact,
    ...(r.threads ? { threads: true } : {}),
    ...(r.por ? { por: true } : {}),
    ...(r.fromSteps === undefined ? {} : { fromSteps: r.fromSteps }),
    ...(r.violation === undefined
      ? {}
      : { violation: { check: r.violation.finding.check, steps: r.violation.steps.length, message: r.violation.finding.message, ...(counterexample ? { counterexample } : {}) } }),
  };
  return { lines, json };
}
