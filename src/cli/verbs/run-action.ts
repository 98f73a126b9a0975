// The action of `zdspec run` (run.ts defines its options): loaded only
// when it runs, so that `zdspec --help` need not load the models.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
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
import { parseChecks, parseHookTimeLimit, runChecks } from './check-options.ts';
import { commandLine, isCoverageChild, proposalFiles, runUnderCoverage } from '../../coverage/under-coverage.ts';
import type { RunFlags } from './run.ts';

export async function runAction(file: string, flags: RunFlags, verb: Command): Promise<void> {
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
    const report = runTraceTimed(trace, { proposal, file, ...checks, hookTimeLimitMs, ...(flags.fullInvariants ? { fullInvariants: true } : {}) });
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
}

async function readTrace(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new InputError(`${file}: ${code === 'ENOENT' ? 'trace file not found' : `cannot read: ${(e as Error).message}`}`);
  }
}
