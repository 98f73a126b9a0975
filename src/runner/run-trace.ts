// runTrace: a trace under a resolved proposal, on the real models. A step
// naming a handle no earlier step created is refused as bad input
// (refuse-uncreated-handles.ts).
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import type { InvariantId } from '../../models/invariants/invariant.ts';
import type { Trace } from '../trace/trace.ts';
import { createPair } from './create-pair.ts';
import { refuseUncreatedHandles } from './refuse-uncreated-handles.ts';
import type { RunLoopOptions } from './run-loop-options.ts';
import { runTraceOnPair } from './run-on-pair.ts';
import type { RunReport } from './run-report.ts';

export interface RunOptions extends RunLoopOptions {
  readonly proposal: ResolvedProposal;
  readonly invariants?: readonly InvariantId[];
  readonly sides?: 'both' | 'kernel';
  /** PairOptions.fullInvariants (--full-invariants). */
  readonly fullInvariants?: boolean;
  /** The trace's file, as messages name it (default "trace"). */
  readonly file?: string;
}

export function runTrace(trace: Trace, options: RunOptions): RunReport {
  const pair = refuseUncreatedHandles(createPair(options.proposal, options), options.file ?? 'trace');
  return runTraceOnPair(trace, options.proposal, pair, options);
}

// The model-free core, for callers that build their own pair.
export { asStep, runTraceOnPair } from './run-on-pair.ts';
