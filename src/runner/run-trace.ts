// runTrace: a trace under a resolved proposal, on the real models.
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import type { InvariantId } from '../../properties/invariants/invariant.ts';
import type { Trace } from '../trace/trace.ts';
import { createPair } from './create-pair.ts';
import { runTraceOnPair } from './run-on-pair.ts';
import type { RunReport } from './run-report.ts';

export interface RunOptions {
  readonly proposal: ResolvedProposal;
  readonly invariants?: readonly InvariantId[];
  readonly sides?: 'both' | 'kernel';
}

export function runTrace(trace: Trace, options: RunOptions): RunReport {
  return runTraceOnPair(trace, options.proposal, createPair(options.proposal, options));
}

// The model-free core, for callers that build their own pair.
export { asStep, runTraceOnPair } from './run-on-pair.ts';
