// `zdspec run TRACE.json`: one trace through the kernel model and the
// reference, step by step, with every check. A scenario with `runs` (and no
// --proposal) runs under each listed proposal and is judged against its
// expected verdict.
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { INVARIANT_IDS, type InvariantId } from '../../../properties/invariants/invariant.ts';
import { loadProposal } from '../../proposals/load-proposal.ts';
import { formatRun } from '../../report/format-run.ts';
import { proposalSpecFor, specInTrace } from '../../runner/choose-proposal.ts';
import { judgeScenarioRun } from '../../runner/judge-scenario.ts';
import { runTrace } from '../../runner/run-trace.ts';
import type { RunReport } from '../../runner/run-report.ts';
import { parseTrace } from '../../trace/parse-trace.ts';
import { didYouMean } from '../../util/did-you-mean.ts';
import { InputError } from '../bad-input.ts';
import { cli, say } from '../cli-context.ts';
import { EXIT } from '../exit-codes.ts';

interface RunFlags {
  readonly proposal?: string;
  readonly invariants?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

const EXAMPLES = `
Examples:
  $ zdspec run properties/scenarios/hmm-migrate.json
  $ zdspec run trace.json --proposal coherent-v1
  $ zdspec run trace.json --proposal ./my-series-v2.ts --quiet
  $ zdspec run trace.json --invariants no-longterm-pin-coherent,refcount-expected --json

Exit codes: 0 every check holds; 1 an expectation, invariant or refinement
check failed (or a proposal hook threw); 2 bad input (malformed trace,
proposal that does not load, bad option).`;

export function runCommand(): Command {
  return new Command('run')
    .description('run a trace (JSON) on the kernel model and the reference, checking refinement, invariants and expectations')
    .argument('<trace>', 'the trace file: {"proposal"?, "era"?, "steps": [{"op", "args", "expect"?, "note"?}]}')
    .option('-p, --proposal <name|path>', "a built-in proposal or a proposal file (overrides the trace's)")
    .option('-i, --invariants <ids>', 'comma-separated invariant ids to check (default: all)')
    .option('--json', 'print the run report(s) as JSON')
    .option('-q, --quiet', 'print only the first failure and the summary')
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, flags: RunFlags) => {
      const trace = parseTrace(await readTrace(file), file);
      const invariants = parseInvariantIds(flags.invariants);
      const runs = flags.proposal === undefined && trace.runs?.length ? trace.runs : [undefined];
      const reports: { report: RunReport; verdict?: string }[] = [];
      for (const run of runs) {
        const spec = run ? specInTrace(run.proposal, file) : proposalSpecFor(trace, file, flags.proposal);
        const proposal = await loadProposal(spec);
        const report = runTrace(trace, { proposal, ...(invariants ? { invariants } : {}) });
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

function parseInvariantIds(list: string | undefined): InvariantId[] | undefined {
  if (list === undefined) return undefined;
  return list.split(',').map((raw) => {
    const id = raw.trim();
    if (!(INVARIANT_IDS as readonly string[]).includes(id)) {
      throw new InputError(`--invariants: unknown invariant '${id}'${didYouMean(id, INVARIANT_IDS)}; ids: ${INVARIANT_IDS.join(', ')}`);
    }
    return id as InvariantId;
  });
}
