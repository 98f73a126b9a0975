// Which proposal a trace runs under: the command line's --proposal, else the
// trace's `proposal` (a built-in name, or a path relative to the trace file),
// else the built-in that is the plain kernel of the trace's `era` (baseEra
// that era, extending nothing, changing nothing), else upstream.
import { dirname, resolve } from 'node:path';
import type { EraName } from '../../models/eras/era.ts';
import { BUILTIN_PROPOSALS } from '../../models/proposals/registry.ts';
import { isBuiltinName } from '../proposals/load-proposal.ts';
import { TraceError } from '../trace/trace-error.ts';
import type { Trace } from '../trace/trace.ts';

export const DEFAULT_PROPOSAL = 'upstream';

/** The built-in that is era `era`'s own kernel (v4.14 → hmm-v4.14, v5.x → devmap-v5.x, ...). */
export function eraProposalName(era: EraName): string | undefined {
  return BUILTIN_PROPOSALS.find((p) => p.baseEra === era && p.extends === null && p.era === undefined && p.hooks === undefined)?.name;
}

/** A proposal named inside a trace: a built-in, or a path relative to the trace file. */
export function specInTrace(spec: string, traceFile: string): string {
  return isBuiltinName(spec) ? spec : resolve(dirname(traceFile), spec);
}

/** A spec for loadProposal (a built-in name or a path). */
export function proposalSpecFor(trace: Trace, traceFile: string, override?: string): string {
  if (override !== undefined) return override;
  if (trace.proposal !== undefined) {
    return specInTrace(trace.proposal, traceFile);
  }
  if (trace.era !== undefined) {
    const name = eraProposalName(trace.era);
    if (name === undefined) throw new TraceError({ file: traceFile, field: 'era' }, `${traceFile}: era: no built-in proposal is the plain ${trace.era} kernel`);
    return name;
  }
  return DEFAULT_PROPOSAL;
}
