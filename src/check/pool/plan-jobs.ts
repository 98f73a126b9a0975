// The jobs of one `zdspec check` run, one per proposal, in the order given.
// Each gets a report stem unique within the run (two proposal files that
// both call themselves 'my-series' do not overwrite each other's reports)
// and names its file the way a person typed it, relative where possible.
import { isAbsolute, relative, resolve } from 'node:path';
import type { ResolvedProposal } from '../../../models/proposals/proposal.ts';
import { isBuiltinName } from '../../proposals/load-proposal.ts';
import type { CheckJob, JobOptions } from './check-job.ts';

export interface PlannedProposal {
  readonly spec: string;
  readonly proposal: ResolvedProposal;
}

/** A path as given, or relative to the working directory when it was given absolute and lies inside it. */
export function displayPath(spec: string, cwd = process.cwd()): string {
  if (!isAbsolute(spec)) return spec;
  const rel = relative(cwd, spec);
  return rel.startsWith('..') || isAbsolute(rel) ? spec : rel;
}

const safe = (name: string): string => name.replace(/[^\w.-]+/g, '_') || 'proposal';

export function planJobs(proposals: readonly PlannedProposal[], reportDir: string, generated: string, options: JobOptions): CheckJob[] {
  const stems = new Set<string>();
  return proposals.map(({ spec, proposal }, index) => {
    const builtin = isBuiltinName(spec);
    const abs = resolve(spec);
    let stem = safe(proposal.name);
    for (let n = 2; stems.has(stem); n++) stem = `${safe(proposal.name)}-${n}`;
    stems.add(stem);
    return {
      index,
      load: builtin ? spec : abs,
      given: builtin ? spec : displayPath(spec),
      traceProposal: builtin ? spec : relative(resolve(reportDir), abs),
      isFile: !builtin,
      stem,
      reportDir,
      generated,
      options,
    };
  });
}
