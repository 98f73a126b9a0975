// `zdspec replay FILE`: re-runs a counterexample (a JSON trace written by
// `zdspec check`) through the runner and says whether the same failure
// happens again: exit 1 when it fails (the same check, or — said so — a
// different one), 0 when every check now holds, 2 on bad input.
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { invariantsOf, isSelectableCheck } from '../../check/checks.ts';
import { RunTimeout, runWithTimeLimit } from '../../check/guard.ts';
import { loadProposal } from '../../proposals/load-proposal.ts';
import { formatRun } from '../../report/format-run.ts';
import { splitCounterexample } from '../../report/read-counterexample.ts';
import { proposalSpecFor } from '../../runner/choose-proposal.ts';
import type { RunReport } from '../../runner/run-report.ts';
import { runTrace } from '../../runner/run-trace.ts';
import { parseTrace } from '../../trace/parse-trace.ts';
import { InputError } from '../bad-input.ts';
import { cli, say } from '../cli-context.ts';
import { EXIT } from '../exit-codes.ts';

const EXAMPLES = `
Examples:
  $ zdspec replay reports/coherent-v1.no-longterm-pin-coherent.json
  $ zdspec replay cx.json --proposal ./my-series-v3.ts   # does v3 fix it?

Exit codes: 0 every check now holds; 1 it fails (the same check as recorded,
or another one); 2 bad input (unreadable or malformed file).`;

export function replayCommand(): Command {
  return new Command('replay')
    .description('re-run a counterexample file and report whether its failure reproduces')
    .argument('<file>', 'a counterexample JSON written by zdspec check (a trace)')
    .option('-p, --proposal <name|path>', 'run it under another proposal (e.g. the next version of a series)')
    .option('--json', 'print the run report as JSON')
    .option('--time-limit <ms>', 'a proposal hook running longer than this counts as hung', '2000')
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, flags: { proposal?: string; json?: boolean; timeLimit: string }) => {
      const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
        throw new InputError(`${file}: ${e.code === 'ENOENT' ? 'file not found' : `cannot read: ${e.message}`}`);
      });
      const { traceText, meta } = splitCounterexample(text, file);
      const trace = parseTrace(traceText, file);
      const proposal = await loadProposal(proposalSpecFor(trace, file, flags.proposal));
      const checks = (meta?.checks ?? []).filter(isSelectableCheck);
      const invariants = checks.length > 0 ? invariantsOf(checks) : undefined;
      const limit = Number(flags.timeLimit);
      let report: RunReport | undefined;
      try {
        report = runWithTimeLimit(Number.isFinite(limit) && limit > 0 ? limit : 2000, () => runTrace(trace, { proposal, ...(invariants ? { invariants } : {}) }));
      } catch (e) {
        if (!(e instanceof RunTimeout)) throw e;
      }
      const { colors: c } = cli();
      // Several checks can fail at the same step (a kernel invariant and the
      // refinement check, say): the recorded one reproduces if it is among them.
      const first = report?.failures[0];
      const atFirstStep: string[] = (report?.failures ?? []).filter((f) => f.step === first?.step).map((f) => f.id ?? f.kind);
      const got =
        report === undefined ? 'proposal-timeout' : first === undefined ? undefined : meta && atFirstStep.includes(meta.check) ? meta.check : (first.id ?? first.kind);
      const verdict =
        got === undefined ? 'now holds' : meta === undefined ? `fails: ${got}` : got === meta.check ? `reproduced: ${got}` : `fails differently: ${got} (recorded: ${meta.check})`;
      if (got !== undefined) cli().exit(EXIT.FAILED);
      if (flags.json) {
        const { evidence: _evidence, ...rest } = report ?? { evidence: undefined };
        say(JSON.stringify({ ...rest, verdict }, null, 2));
        return;
      }
      if (report !== undefined) say(...formatRun(report, { colors: c }));
      else say(c.red(`a proposal hook did not return within ${flags.timeLimit} ms`));
      say(got === undefined ? c.green(`replay: ${verdict}`) : c.red(`replay: ${verdict}`));
    });
}
