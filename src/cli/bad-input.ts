// Errors that mean "your input is wrong" (exit 2, message only, no stack),
// as opposed to a bug in zdspec.
import { ProposalError } from '../../models/proposals/proposal-error.ts';
import { TraceError } from '../trace/trace-error.ts';
import { ReportDirError } from '../report/report-dir.ts';

/** A user-facing input error with its own clear message (file not found, ...). */
export class InputError extends Error {
  override readonly name = 'InputError';
}

export function isBadInput(e: unknown): e is Error {
  return e instanceof TraceError || e instanceof ProposalError || e instanceof InputError || e instanceof ReportDirError;
}
