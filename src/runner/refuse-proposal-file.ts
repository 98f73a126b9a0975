// The trust model of `zdspec replay`: a proposal is code and runs with the
// user's rights, like a test file. A counterexample file may come from
// someone else, and its `proposal` field may name any file on disk; replaying
// it must not run that file unasked. So replay runs only the built-in
// proposals a file names, unless the user passes --allow-proposal-file. A
// --proposal typed on the command line is the user's own choice and needs
// no flag (the caller does not ask then).
import { BUILTIN_NAMES } from '../../models/proposals/registry.ts';
import { isBuiltinName, looksLikePath } from '../proposals/load-proposal.ts';
import { TraceError } from '../trace/trace-error.ts';
import type { Trace } from '../trace/trace.ts';
import { didYouMean } from '../util/did-you-mean.ts';

/** Throws (exit 2) when the trace's `proposal` is not a built-in name. */
export function refuseProposalFile(trace: Trace, file: string): void {
  const spec = trace.proposal;
  if (spec === undefined || isBuiltinName(spec)) return;
  const where = { file, field: 'proposal' };
  if (!looksLikePath(spec)) {
    throw new TraceError(where, `${file}: proposal: '${spec}' is not a built-in proposal${didYouMean(spec, BUILTIN_NAMES)}; built-ins: ${BUILTIN_NAMES.join(', ')}`);
  }
  throw new TraceError(
    where,
    `${file}: proposal: names the proposal file '${spec}'. A proposal is code and runs with your rights, ` +
      'so replay runs only built-in proposals named in the file it replays (a counterexample you received may name any file). ' +
      'If you trust that file, pass --allow-proposal-file; or choose the proposal yourself with --proposal.',
  );
}
