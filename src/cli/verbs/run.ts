// `zdspec run TRACE.json`: one trace through the kernel model and the
// reference, step by step, with every check. A scenario with `runs` (and no
// --proposal) runs under each listed proposal and is judged against its
// expected verdict. A step naming a handle no earlier step created is bad
// input (exit 2); a hook that never returns is a proposal-timeout finding.
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { loadProposal } from '../../proposals/load-proposal.ts';
import { formatRun } from '../../report/format-run.ts';
import { proposalSpecFor, specInTrace } from '../../runner/choose-proposal.ts';
import { judgeScenarioRun } from '../../runner/judge-scenario.ts';
import { runTraceTimed } from '../../runner/run-trace-timed.ts';
import type { RunReport } from '../../runner/run-report.ts';
import { parseTrace } from '../../trace/parse-trace.ts';
import { InputError } from '../bad-input.ts';
import { cli, say } from '../cli-context.ts';
import { EXIT } from '../exit-codes.ts';
import { collect, parseChecks, parseHookTimeLimit, runChecks } from './check-options.ts';
import { commandLine, isCoverageChild, proposalFiles, runUnderCoverage } from '../../coverage/under-coverage.ts';

interface RunFlags {
  readonly proposal?: string;
  readonly invariant?: string[];
  readonly hookTimeLimit?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly coverage?: boolean;
}

const EXAMPLES = `
Examples:
  $ zdspec run properties/scenarios/hmm-migrate.json
  $ zdspec run trace.json --proposal coherent-v1
  $ zdspec run trace.json --proposal ./my-series-v2.ts --quiet
  $ zdspec run trace.json --invariant no-longterm-pin-coherent --invariant refinement --json
  $ zdspec run trace.json --proposal ./my-series-v2.ts --hook-time-limit 500ms

Checks: every invariant and the refinement check, or only those --invariant
names (ids, repeatable or comma-separated; "refinement" too). As in zdspec
check, a selection without "refinement" does not report refinement failures.
Expectations (expect) are always checked.

Handles: a step naming a handle (p3, pgmap0, pin1, ...) that no earlier step
created is bad input; naming one that was created and released since is a
legitimate test of a stale handle.

Time limit: a run of n steps that takes longer than the --hook-time-limit
base + 25 ms × n counts as a hung proposal hook (proposal-timeout).

Exit codes: 0 every check holds; 1 an expectation, invariant or refinement
check failed (or a proposal hook threw or hung); 2 bad input (malformed
trace, a handle no earlier step created, proposal that does not load, bad
option).`;

export function runCommand(): Command {
  return new Command('run')
    .description('run a trace (JSON) on the kernel model and the reference, checking refinement, invariants and expectations')
    .argument('<trace>', 'the trace file: {"proposal"?, "era"?, "steps": [{"op", "args", "expect"?, "note"?}]}')
    .option('-p, --proposal <name|path>', "a built-in proposal or a proposal file (overrides the trace's)")
    .option('-i, --invariant <id>', 'check only this invariant (or "refinement"); repeatable (default: all and refinement)', collect)
    .option('--hook-time-limit <duration>', 'base of the hang limit, e.g. 2s, 500ms: n steps hang after base + 25 ms × n (default 2s)')
    .option('--json', 'print the run report(s) as JSON')
    .option('-q, --quiet', 'print only the first failure and the summary')
    .option('--coverage', 'also write the V8 coverage of this run (models/, src/, a --proposal file) to reports/coverage: lcov.info, index.html, a summary')
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, flags: RunFlags, verb: Command) => {
      if (flags.coverage && !isCoverageChild()) {
        const proposals = proposalFiles([flags.proposal]);
        return runUnderCoverage({ argv: commandLine(verb), reportDir: 'reports/coverage', proposalFiles: proposals, toStderr: flags.json ?? false, quiet: flags.quiet ?? false });
      }
      const checks = runChecks(parseChecks(flags.invariant));
      const hookTimeLimitMs = parseHookTimeLimit(flags.hookTimeLimit);
      const trace = parseTrace(await readTrace(file), file);
      const runs = flags.proposal === undefined && trace.runs?.length ? trace.runs : [undefined];
      const reports: { report: RunReport; verdict?: string }[] = [];
      for (const run of runs) {
        const spec = run ? specInTrace(run.proposal, file) : proposalSpecFor(trace, file, flags.proposal);
        const proposal = await loadProposal(spec);
        const report = runTraceTimed(trace, { proposal, file, ...checks, hookTimeLimitMs });
        const verdict = run ? judgeScenarioRun(report, run) : report.ok ? undefined : 'a check failed';
        reports.push({ report, ...(verdict ? { verdict } : {}) });
        if (verdict) cli().exit(EXIT.FAILED);
      }
      if (flags.json) {
        // Views (evidence) are large and internal: the JSON carries steps and failures.
        const json = reports.map(({ report: { evidence: _evidence, ...rest }, verdict }) => ({ ...rest, ...(runs[0] ? { verdict: verdict ?? 'as expected' } : {}) }));
        say(JSON.stringify(json.length === 1 ? json[0] : json, null, 2));
        return;
      }
      const { colors } = cli();
      if (trace.title) say(colors.bold(trace.title), '');
      for (const [i, { report, verdict }] of reports.entries()) {
        const run = runs[i];
        if (i > 0) say('');
        say(...formatRun(report, { colors, quiet: flags.quiet ?? false }));
        if (run) say(verdict ? colors.red(`scenario: ${verdict}`) : colors.green(`scenario: as expected (${run.violates ? `violates ${run.violates}` : 'every check holds'})`));
      }
    });
}

async function readTrace(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new InputError(`${file}: ${code === 'ENOENT' ? 'trace file not found' : `cannot read: ${(e as Error).message}`}`);
  }
}
