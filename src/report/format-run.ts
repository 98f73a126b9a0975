// A run as plain text (fits an 80-column email): each step as a kernel call
// with its result and note, failed checks marked beneath it, then the first
// failure explained — the check (invariant id and statement, or refinement),
// the frames involved before → after, and what the reference allowed.
import type { Colors } from 'picocolors/types';
import { invariantById } from '../../models/invariants/all.ts';
import { asStep } from '../runner/run-on-pair.ts';
import type { Failure, RunReport, StepRecord } from '../runner/run-report.ts';
import { formatThreadStep } from '../trace/format-thread-step.ts';
import { formatCall, formatResult } from '../trace/format-call.ts';
import { frameDiff, pfnsNamedIn } from './frame-diff.ts';
import { frameLine } from './frame-line.ts';

export interface FormatRunOptions {
  readonly colors: Colors;
  /** Only the summary and the first failure, no per-step lines. */
  readonly quiet?: boolean;
}

export function formatRun(report: RunReport, options: FormatRunOptions): string[] {
  const c = options.colors;
  const lines = [c.bold(`proposal ${report.proposal} (era ${report.era})`)];
  const initial = report.failures.filter((f) => f.step === -1);
  if (initial.length) lines.push(...initial.map((f) => c.red(`  initial state: ✗ ${label(f)}: ${f.message}`)));
  if (!options.quiet) for (const record of report.steps) lines.push(...formatStep(record, report.failures, c));
  const first = report.failures[0];
  if (first !== undefined) lines.push('', ...formatFirstFailure(report, first, c));
  const count = report.failures.length;
  lines.push('', count === 0 ? c.green(`ok: ${report.steps.length} steps, every check holds`) : c.red(`FAILED: ${count} failed check${count === 1 ? '' : 's'} in ${report.steps.length} steps`));
  return lines;
}

function label(f: Failure): string {
  if (f.kind === 'invariant') return `${f.id} (${f.side})`;
  return f.kind;
}

function formatStep(record: StepRecord, failures: readonly Failure[], c: Colors): string[] {
  const step = asStep(record.step);
  const call = record.kernel || record.paused !== undefined ? formatThreadStep(step, record.kernel?.result, record.paused) : `${formatCall(step)} = (crashed)`;
  const note = record.note ? c.dim(`  # ${record.note}`) : '';
  const mine = failures.filter((f) => f.step === record.index);
  const mark = mine.length ? c.red(' ✗') : '';
  return [`${String(record.index + 1).padStart(3)}  ${call}${mark}${note}`, ...mine.map((f) => c.red(`       ✗ ${label(f)}: ${f.message}`))];
}

function formatFirstFailure(report: RunReport, first: Failure, c: Colors): string[] {
  const where = first.step === -1 ? 'the initial state' : `step ${first.step + 1}`;
  const lines = [c.bold(c.red(`First failure at ${where}: ${label(first)}`))];
  const record = report.steps[first.step];
  if (record) lines.push(`  ${formatThreadStep(asStep(record.step), record.kernel?.result, record.paused)}`);
  if (first.kind === 'invariant' && first.id) {
    const invariant = invariantById(first.id);
    lines.push(`  ${first.id}: ${invariant.statement}`, `  guarded by: ${invariant.guards.join('; ')}`);
  } else if (first.kind === 'refinement') {
    lines.push('  refinement: the kernel model did something the reference does not allow');
  }
  lines.push(`  ${first.message}`);
  const evidence = report.evidence;
  if (evidence && record) {
    const messages = report.failures.filter((f) => f.step === first.step).map((f) => f.message);
    const changes = frameDiff(evidence.before, evidence.after, pfnsNamedIn(messages, evidence.after));
    lines.push('  frames (before → after):', ...(changes.length ? changes.map((ch) => `    ${frameLine(ch)}`) : ['    (no frame changed)']));
    const step = asStep(record.step);
    const allowed = evidence.allowed.map((o) => `= ${formatResult(step, o.result)}`);
    const none = record.concurrent ? '(not asked at this step: a thread was in flight, so the stretch is judged for linearizability when the last thread ends)' : '(nothing: it was not consulted)';
    lines.push(`  the reference allowed: ${allowed.length ? allowed.join(' or ') : none}`);
  }
  return lines;
}
