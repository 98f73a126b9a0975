// The action of `zdspec replay` (replay.ts defines its options): loaded only
// when it runs, so that `zdspec --help` need not load the models.
import { readFile } from 'node:fs/promises';
import { isSelectableCheck } from '../../check/checks.ts';
import { loadProposal } from '../../proposals/load-proposal.ts';
import { formatRun } from '../../report/format-run.ts';
import { splitCounterexample } from '../../report/read-counterexample.ts';
import { proposalSpecFor } from '../../runner/choose-proposal.ts';
import { compareRecorded, type RecordedDifference } from '../../runner/compare-recorded.ts';
import { refuseProposalFile } from '../../runner/refuse-proposal-file.ts';
import type { StepRecord } from '../../runner/run-report.ts';
import { runTraceTimed } from '../../runner/run-trace-timed.ts';
import { parseTrace } from '../../trace/parse-trace.ts';
import { InputError } from '../bad-input.ts';
import { cli, say } from '../cli-context.ts';
import { EXIT } from '../exit-codes.ts';
import { parseChecks, parseHookTimeLimit, runChecks } from './check-options.ts';
import { replayVerdict } from './replay-verdict.ts';
import type { ReplayFlags } from './replay.ts';

export async function replayAction(file: string, flags: ReplayFlags): Promise<void> {
  const hookTimeLimitMs = parseHookTimeLimit(flags.hookTimeLimit);
  const selected = parseChecks(flags.invariant);
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new InputError(`${file}: ${e.code === 'ENOENT' ? 'file not found' : `cannot read: ${e.message}`}`);
  });
  const { traceText, meta } = splitCounterexample(text, file);
  const trace = parseTrace(traceText, file);
  if (flags.proposal === undefined && !flags.allowProposalFile) refuseProposalFile(trace, file);
  const proposal = await loadProposal(proposalSpecFor(trace, file, flags.proposal));
  const checks = selected ?? (meta?.checks ?? []).filter(isSelectableCheck);
  // A plain trace has no recorded failing step: its last step stands for it.
  const failingIndex = meta === undefined ? trace.steps.length - 1 : meta.step - 1;
  const differences: RecordedDifference[] = [];
  const afterStep = (record: StepRecord): boolean => {
    const difference = compareRecorded(record.step, record.index, record.kernel?.result, failingIndex);
    if (difference !== undefined) differences.push(difference);
    return difference?.diverges ?? false;
  };
  const report = runTraceTimed(trace, {
    proposal,
    file,
    ...runChecks(checks),
    hookTimeLimitMs,
    ...(flags.fullInvariants ? { fullInvariants: true } : {}),
    afterStep,
    restart: () => differences.splice(0),
  });
  const divergence = differences.find((d) => d.diverges);
  const verdict = replayVerdict(report, meta, divergence);
  if (verdict.failed) cli().exit(EXIT.FAILED);
  if (flags.json) {
    const { evidence: _evidence, ...rest } = report;
    say(JSON.stringify({ ...rest, differences, verdict: verdict.text }, null, 2));
    return;
  }
  const { colors: c } = cli();
  say(...formatRun(report, { colors: c }));
  for (const d of differences) {
    const where = `step ${d.index + 1} (${trace.steps[d.index]?.op})`;
    say(c.dim(`replay: note: ${where}: recorded ${d.recorded}, now ${d.now}: ${d.diverges ? `diverged, ${d.why}; the run stopped there` : `not a divergence (${d.why})`}`));
  }
  say(verdict.failed ? c.red(`replay: ${verdict.text}`) : c.green(`replay: ${verdict.text}`));
}
