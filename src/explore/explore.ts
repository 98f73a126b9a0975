// explore: breadth-first search of every state a proposal reaches within
// `depth` steps over the bounded domain (enabled-steps.ts), each distinct
// kernel state expanded once (seen-states.ts), refinement and every selected
// invariant judged on every transition. BFS order makes the first violation
// a shortest one: every shorter path was tried before it.
//
// The state key is the kernel model's state (Pair.stateWords). The
// reference's state need not be in it: while refinement holds, the
// reference's state is the abstraction of the kernel's. When refinement is
// not among the checks and a step fails it, the reference's state is added
// to the key (the two sides have parted).
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import { ALL_CHECKS, checkSet, invariantsOf } from '../check/checks.ts';
import { type RanStep, ranStep } from '../check/failure.ts';
import { judgeStart, judgeStep } from '../check/judge.ts';
import { stableJson } from './stable-json.ts';
import { createPair } from '../runner/create-pair.ts';
import type { PairSnapshot } from '../runner/pair-types.ts';
import { type ExpandContext, expandState, type Violation } from './expand.ts';
import { type ExploreOptions, type ExploreProgress, type ExploreResult, type ExploreStop, exploreResult } from './explore-result.ts';
import { exactSeenStates, hashedSeenStates } from './seen-states.ts';

interface Node {
  readonly id: number;
  readonly snapshot: PairSnapshot;
  /** Reached by a start that paused: the state it started from (the reduction, commutes-with-start.ts). */
  readonly preStart?: PairSnapshot;
}

export function explore(proposal: ResolvedProposal, options: ExploreOptions): ExploreResult {
  const checks = options.checks ?? ALL_CHECKS;
  const selected = checkSet(checks);
  const pair = options.createPair?.(proposal) ?? createPair(proposal, { invariants: invariantsOf(checks), sides: 'both' });
  const seen = options.exact ? exactSeenStates() : hashedSeenStates();
  const startedAt = performance.now();
  const heapAtStart = process.memoryUsage().heapUsed;
  const progressEvery = options.progressEvery ?? 2000;
  // A reached state's parent and the step from it (the root is 0, its own parent).
  const parent: number[] = [0];
  const via: (RanStep | undefined)[] = [undefined];
  const frontierSizes = [1];
  let transitions = 0;
  let depth = 0;
  let heapBytes = 0;
  // The depth being reached (frontier + 1) while it is: a stop part-way reports it too.
  let reaching: number | undefined;

  // The steps to the search's root (options.from), judged like any others.
  const prefix: RanStep[] = [];
  const pathTo = (id: number): RanStep[] => {
    const out: RanStep[] = [];
    for (let n = id; n !== 0; n = parent[n] ?? 0) {
      const s = via[n];
      if (s !== undefined) out.push(s);
    }
    return [...prefix, ...out.reverse()];
  };
  const progress = (): ExploreProgress => ({
    depth,
    states: seen.size,
    transitions,
    elapsedMs: performance.now() - startedAt,
    frontier: reaching === undefined ? [...frontierSizes] : [...frontierSizes, reaching],
    partial: reaching !== undefined,
  });
  const result = (stop: ExploreStop, completeDepth: number, violation?: Violation): ExploreResult =>
    exploreResult({
      proposal,
      options,
      checks,
      stop,
      completeDepth,
      ...progress(),
      seenBytes: seen.bytes,
      heapBytes: Math.max(heapBytes, process.memoryUsage().heapUsed - heapAtStart),
      ...(violation === undefined ? {} : { violation }),
    });

  const ctx: ExpandContext = {
    pair,
    era: proposal.era,
    bounds: options.bounds,
    ...(options.ops === undefined ? {} : { ops: options.ops }),
    ...(options.threads ? { threads: true } : {}),
    ...(options.threads && options.threadOps ? { threadOps: options.threadOps } : {}),
    ...(options.threads && options.por ? { por: true } : {}),
    checks: selected,
    ...(options.hookTimeLimitMs === undefined ? {} : { hookTimeLimitMs: options.hookTimeLimitMs }),
  };
  const atStart = judgeStart(pair.start, selected);
  if (atStart !== undefined) return result('violation', 0, { finding: atStart, steps: [] });
  for (const step of options.from ?? []) {
    const rec = pair.step(step);
    prefix.push(ranStep(step, rec));
    const finding = judgeStep(rec, selected, prefix.length - 1);
    if (finding !== undefined) return result('violation', 0, { finding, steps: [...prefix] });
  }
  const rootWords = pair.stateWords();
  const rootStretch = pair.stretchKey();
  if (rootStretch !== undefined) rootWords.push(-98, ...stableJson(rootStretch));
  seen.add(rootWords);
  let frontier: Node[] = [{ id: 0, snapshot: pair.save() }];
  if (options.maxStates !== undefined && seen.size >= options.maxStates) return result('max-states', 0);

  for (; depth < options.depth; depth++) {
    const next: Node[] = [];
    // The last depth's states are counted, never expanded: no snapshot, no path.
    const last = depth === options.depth - 1;
    reaching = 0;
    for (const node of frontier) {
      let stop: ExploreStop | undefined;
      const counted = transitions;
      const from = { ...(node.preStart === undefined ? {} : { preStart: node.preStart }), leaf: last };
      const expanded = expandState(
        ctx,
        node.snapshot,
        pathTo(node.id),
        (words, ran, i, save, preStart) => {
          // Counted from the state's first step: an attempt started again (expand.ts) counts once.
          transitions = counted + i + 1;
          if (stop !== undefined) return;
          if (seen.add(words)) {
            reaching = (reaching ?? 0) + 1;
            if (!last) {
              const id = parent.push(node.id) - 1;
              via.push(ran);
              next.push({ id, snapshot: save(), ...(preStart === undefined || !ctx.por ? {} : { preStart }) });
            }
          }
          if (transitions % progressEvery === 0) {
            heapBytes = Math.max(heapBytes, process.memoryUsage().heapUsed - heapAtStart);
            options.onProgress?.(progress());
            if (options.maxMemoryBytes !== undefined && heapBytes > options.maxMemoryBytes) stop = 'max-memory';
          }
          if (options.maxStates !== undefined && seen.size >= options.maxStates) stop = 'max-states';
        },
        from,
      );
      transitions = counted + expanded.transitions;
      if (expanded.violation !== undefined) return result('violation', depth, expanded.violation);
      if (stop !== undefined) return result(stop, depth);
    }
    const reached = reaching;
    frontierSizes.push(reached);
    reaching = undefined;
    frontier = next;
    options.onProgress?.(progress());
    if (reached === 0) return result('no-more-states', depth + 1);
  }
  return result('complete', depth);
}

export { type ExploreOptions, type ExploreProgress, type ExploreResult, type ExploreStop, exploreResult };
