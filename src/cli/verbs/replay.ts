// `zdspec replay FILE`: re-runs a counterexample (a JSON trace written by
// `zdspec check`) through the runner and says whether the same failure
// happens again: exit 1 when it fails (the same check, or — said so — a
// different one) or the replay diverged from the recorded results before the
// failing step; 0 when every check now holds; 2 on bad input, including a
// file naming a proposal file without --allow-proposal-file (a proposal is
// code: refuse-proposal-file.ts).
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
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
import { collect, parseChecks, parseHookTimeLimit, runChecks } from './check-options.ts';
import { replayVerdict } from './replay-verdict.ts';

interface ReplayFlags {
  readonly proposal?: string;
  readonly invariant?: string[];
  readonly hookTimeLimit?: string;
  readonly allowProposalFile?: boolean;
  readonly json?: boolean;
}

const EXAMPLES = `
Examples:
  $ zdspec replay reports/coherent-v1.no-longterm-pin-coherent.json
  $ zdspec replay cx.json --proposal ./my-series-v3.ts   # does v3 fix it?
  $ zdspec replay cx.json --invariant no-longterm-pin-coherent --hook-time-limit 500ms
  $ zdspec replay reports/my-series-v2.refinement.json --allow-proposal-file

Checks: those the counterexample was found with, or --invariant's (ids,
repeatable or comma-separated; "refinement" too). A selection without
"refinement" does not report refinement failures, as in zdspec check.

Divergence: each step's result is compared with the one recorded in the file.
A step diverges when, before the recorded failing step, it succeeded where it
had failed or failed where it had succeeded, or it created a different handle
(pgmap, child, ref, pin, memcg) than recorded: later steps would then name
handles and states that are not what the recording meant, so the replay stops
there (a check that failed at or before that step is still the verdict). Other
differences (another errno, a different cpages count, different
data) and any difference at the failing step itself (what a fix looks like)
are printed as notes only. Files without recorded results are not compared.

Trust: a proposal is code and runs with your rights. replay runs only built-in
proposals named in the file; a file naming a proposal file is refused (exit 2)
unless you pass --allow-proposal-file. --proposal is your own choice and
needs no flag.

Time limit: a run of n steps that takes longer than the --hook-time-limit
base + 25 ms × n counts as a hung proposal hook (proposal-timeout).

Exit codes: 0 every check now holds; 1 it fails (the same check as recorded,
or another one), a hook hung, or the replay diverged (printed as "diverged at
step N"); 2 bad input (unreadable or malformed file, a proposal file without
--allow-proposal-file, bad option).`;

export function replayCommand(): Command {
  return new Command('replay')
    .description('re-run a counterexample file and report whether its failure reproduces')
    .argument('<file>', 'a counterexample JSON written by zdspec check (a trace)')
    .option('-p, --proposal <name|path>', 'run it under another proposal (e.g. the next version of a series)')
    .option('-i, --invariant <id>', 'check only this invariant (or "refinement"); repeatable (default: the checks recorded in the file)', collect)
    .option('--hook-time-limit <duration>', 'base of the hang limit, e.g. 2s, 500ms: n steps hang after base + 25 ms × n (default 2s)')
    .option('--allow-proposal-file', 'run the proposal file the counterexample names (it is code: only for files you trust)')
    .option('--json', 'print the run report as JSON')
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, flags: ReplayFlags) => {
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
      const report = runTraceTimed(trace, { proposal, file, ...runChecks(checks), hookTimeLimitMs, afterStep, restart: () => differences.splice(0) });
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
    });
}
