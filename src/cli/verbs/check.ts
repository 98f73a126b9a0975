// `zdspec check`: random model-based checking of proposals (DESIGN §6). Each
// proposal's violated checks are searched (findViolations) in a worker
// thread; every counterexample is shrunk and written to the report
// directory (text, Markdown, JSON trace) as soon as it is found; a summary of
// proposals × checks ends the run. `--seed S --path P` re-runs one
// fast-check run exactly.
import { defaultWorkers } from '../default-workers.ts';
import { join } from 'node:path';
import { Command } from 'commander';
import type { Focus } from '../../../models/focus.ts';
import type { OpName } from '../../../models/ops.ts';
import type { MemoryType } from '../../../models/vocabulary.ts';
import { BUILTIN_NAMES } from '../../../models/proposals/registry.ts';
import { judgementFails, judgeRows } from '../../judge/judge-rows.ts';
import { EXIT } from '../exit-codes.ts';
import { printRunEnd } from './print-run-end.ts';
import { CHECK_DEFAULTS } from '../../check/check-proposal.ts';
import type { JobOptions } from '../../check/pool/check-job.ts';
import { type PlannedProposal, planJobs } from '../../check/pool/plan-jobs.ts';
import { loadProposal } from '../../proposals/load-proposal.ts';
import { openReportDir } from '../../report/report-dir.ts';
import { selectShard } from '../../check/pool/shard.ts';
import { shellQuote } from '../../util/shell-quote.ts';
import { zdspecVersion } from '../../util/zdspec-version.ts';
import { InputError } from '../bad-input.ts';
import { cli, say } from '../cli-context.ts';
import { collect, parseChecks, parseCount, parseCoverageClasses, parseDuration, parseFocusOps, parseFocusTypes, parsePath, parseSeed, parseShard } from './check-options.ts';
import { runCheckSession } from './check-session.ts';
import { checkWords } from './check-words.ts';
import { commandLine, isCoverageChild, proposalFiles, runUnderCoverage } from '../../coverage/under-coverage.ts';
import { removeCoverageReport } from '../../coverage/coverage-report.ts';

export interface CheckFlags {
  readonly all?: boolean;
  readonly invariant?: string[];
  readonly runs?: string;
  readonly maxCommands?: string;
  readonly seed?: string;
  readonly path?: string;
  readonly timeLimit?: string;
  readonly hookTimeLimit?: string;
  readonly workers?: string;
  readonly shard?: string;
  readonly focus?: string[];
  readonly types?: string[];
  readonly reportDir: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly judge?: boolean;
  readonly coverage?: boolean;
  readonly minSemanticCoverage?: string[];
}

const EXAMPLES = `
Examples:
  $ zdspec check coherent-v1
  $ zdspec check --all --report-dir reports
  $ zdspec check ./my-series-v2.ts --invariant no-longterm-pin-coherent --runs 5000
  $ zdspec check upstream --time-limit 2m --max-commands 60 --workers 2
  $ zdspec check coherent-v1 --seed 1515831038 --path '2:8:12@AABF:q'   # exact re-run
  $ zdspec check --all --judge --seed 1 --shard 2/3 -o reports/2   # machine 2 of 3

Every run prints its seed. Each counterexample is written, the moment it is
shrunk, to the report directory as text (80 columns), Markdown and a JSON
trace (zdspec replay FILE); with one proposal it is also printed in full.
The report directory holds one run: the files of the previous run there
are removed first (files zdspec did not write are left alone). Off a
terminal a progress line goes to stderr every 10 s. Ctrl-C (SIGINT) or
SIGTERM stops the search and still writes what was found, marked
interrupted, with the command that finishes the rest.

--shard i/n deals the plan's jobs (the proposals in the order given, --all
first) round-robin over n machines: job p goes to shard ((p - 1) mod n) + 1,
whatever the workers or timing. Give every shard the same seed and options;
zdspec merge-reports OUT DIR... then merges their report directories.

Exit codes: 0 every checked invariant holds within the budget; 1 a violation
was found (or a proposal hook threw, hung or returned a bad decision); 2 bad
usage or input; 3 a bug in zdspec; 130/143 interrupted by SIGINT/SIGTERM.`;

export function checkCommand(): Command {
  return new Command('check')
    .description('search for invariant violations in proposals by random command sequences, shrink and report them')
    .argument('[proposals...]', 'built-in proposal names or proposal files')
    .option('-a, --all', `check every built-in proposal (${BUILTIN_NAMES.join(', ')})`)
    .option('-i, --invariant <id>', 'check only this invariant (or "refinement"); repeatable, or a comma list', collect)
    .option('-n, --runs <n>', `random runs per search round (default ${CHECK_DEFAULTS.runs})`)
    .option('-k, --max-commands <k>', `longest command sequence (default ${CHECK_DEFAULTS.maxCommands})`)
    .option('-s, --seed <seed>', 'fast-check seed (default: random, printed)')
    .option('-p, --path <path>', 'replay path of a counterexample (with --seed): re-runs that run exactly')
    .option('-t, --time-limit <duration>', "stop each proposal's search after this long, e.g. 30s, 2m")
    .option('--hook-time-limit <duration>', `a run of n commands is a hung hook after this + 25 ms × n (default ${CHECK_DEFAULTS.hookTimeLimitMs / 1000}s)`)
    .option('--focus <op>', 'generate these operations five times as often; repeatable, or a comma list', collect)
    .option('--types <type>', 'memremap only these memory types (those the era has); repeatable, or a comma list', collect)
    .option('-w, --workers <n>', `worker threads (default: ZDSPEC_WORKERS, else the number of cores: ${defaultWorkers()})`)
    .option('--shard <i/n>', "run only shard i of n of the plan's jobs (round-robin in plan order; zdspec merge-reports joins the shards)")
    .option('-o, --report-dir <dir>', 'where counterexamples and the summary go', 'reports')
    .option('--json', 'print the summary as JSON on stdout')
    .option('--judge', "then judge the verdicts against the built-ins' headers: exit 0 when they match (zdspec judge)")
    .option('-q, --quiet', 'print only the final verdicts')
    .option(
      '--min-semantic-coverage <class>',
      'exit 1 naming the cells never reached when a class of semantic coverage is incomplete: ops, op-types, hooks, invariants, pte-transitions; repeatable, or a comma list',
      collect,
    )
    .option('--coverage', 'also write the V8 coverage of this run (models/, src/, proposal files) to REPORT_DIR/coverage: lcov.info, index.html, a summary')
    .addHelpText('after', EXAMPLES)
    .action(async (specs: string[], flags: CheckFlags, verb: Command) => {
      if (flags.coverage && !isCoverageChild()) return checkUnderCoverage(specs, flags, verb);
      return runCheck(specs, flags);
    });
}

/** --coverage: the same check in a child process under V8 coverage, then the report. */
function checkUnderCoverage(given: string[], flags: CheckFlags, verb: Command): Promise<void> {
  return runUnderCoverage({
    argv: commandLine(verb),
    reportDir: join(flags.reportDir, 'coverage'),
    proposalFiles: proposalFiles(given),
    toStderr: flags.json ?? false,
    quiet: flags.quiet ?? false,
  });
}

async function runCheck(given: string[], flags: CheckFlags): Promise<void> {
  const { colors: c } = cli();
  const specs = flags.all ? [...BUILTIN_NAMES, ...given] : given;
  if (specs.length === 0) throw new InputError('check: name a proposal (or a file), or use --all; see zdspec check --help');
  const invariants = parseChecks(flags.invariant);
  const minSemanticCoverage = parseCoverageClasses(flags.minSemanticCoverage);
  // A search without --seed still gets one, printed, so it can be re-run.
  const seed = parseSeed(flags.seed) ?? (Date.now() ^ Math.floor(Math.random() * 2 ** 32)) | 0;
  const path = parsePath(flags.path);
  if (path !== undefined && (flags.seed === undefined || specs.length !== 1)) throw new InputError('--path needs --seed and exactly one proposal');
  const options: JobOptions = {
    ...(invariants ? { invariants } : {}),
    seed,
    ...(path === undefined ? {} : { path }),
    ...optional('runs', parseCount('--runs', flags.runs, 1)),
    ...optional('maxCommands', parseCount('--max-commands', flags.maxCommands, 1)),
    ...optional('timeLimitMs', parseDuration('--time-limit', flags.timeLimit)),
    ...optional('hookTimeLimitMs', parseDuration('--hook-time-limit', flags.hookTimeLimit)),
    ...focusOf(parseFocusOps(flags.focus), parseFocusTypes(flags.types)),
    semantic: true,
  };
  const workers = parseCount('--workers', flags.workers, 1) ?? defaultWorkers();
  const shard = parseShard(flags.shard);
  // Machines that each drew their own seed would search different spaces: merge-reports refuses them.
  if (shard !== undefined && flags.seed === undefined)
    throw new InputError('--shard needs --seed: every shard of a plan must search with the same seed (merge-reports refuses shards of different seeds)');
  // Every proposal loads (and is validated) before anything runs: a bad one is exit 2 at once.
  const proposals: PlannedProposal[] = [];
  for (const spec of specs) proposals.push({ spec, proposal: await loadProposal(spec) });
  const generated = new Date().toISOString();
  const dir = openReportDir(flags.reportDir, { zdspec: zdspecVersion(), started: generated, command: ['zdspec', 'check', ...process.argv.slice(3)] });
  if (!flags.coverage) removeCoverageReport(join(flags.reportDir, 'coverage'));
  const planned = planJobs(proposals, flags.reportDir, generated, options);
  // The whole plan is planned (report names are given over all of it), then the shard taken.
  const sharded = shard === undefined ? undefined : selectShard(planned, shard);
  const jobs = sharded?.jobs ?? planned;
  const words = checkWords(flags, seed);
  if (!flags.quiet && !flags.json) {
    const part = sharded === undefined ? '' : `shard ${shard?.index}/${shard?.count}: ${jobs.length} of `;
    const running = Math.min(workers, jobs.length);
    say(c.bold(`zdspec check: ${part}${specs.length} proposal${specs.length === 1 ? '' : 's'}, seed ${seed}, ${running} worker${running === 1 ? '' : 's'}; reports in ${flags.reportDir}/`));
  }
  const rows = await runCheckSession({
    jobs,
    names: (sharded === undefined ? proposals : sharded.info.jobs.map((p) => proposals[p - 1]!)).map((p) => ({ name: p.proposal.name, era: p.proposal.era.name })),
    workers,
    dir,
    printFull: jobs.length === 1,
    quiet: flags.quiet ?? false,
    json: flags.json ?? false,
    judge: flags.judge ?? false,
    ...(minSemanticCoverage ? { minSemanticCoverage } : {}),
    info: {
      zdspec: zdspecVersion(),
      node: process.version,
      generated,
      seed,
      options: {
        runs: options.runs ?? CHECK_DEFAULTS.runs,
        'max-commands': options.maxCommands ?? CHECK_DEFAULTS.maxCommands,
        invariants: invariants ?? ['all'],
        ...(options.timeLimitMs === undefined ? {} : { 'time-limit-ms': options.timeLimitMs }),
        'hook-time-limit-ms': options.hookTimeLimitMs ?? CHECK_DEFAULTS.hookTimeLimitMs,
        ...(options.focus?.ops ? { focus: options.focus.ops } : {}),
        ...(options.focus?.types ? { types: options.focus.types } : {}),
        ...(path === undefined ? {} : { path }),
        ...(minSemanticCoverage ? { 'min-semantic-coverage': minSemanticCoverage } : {}),
        // merge-reports honours it: the merged exit code is the judge's too.
        ...(flags.judge ? { judge: true } : {}),
      },
      ...(sharded === undefined ? {} : { shard: sharded.info }),
    },
    finishCommand: (unfinished) => ['zdspec', 'check', ...unfinished, ...words, '--report-dir', `${flags.reportDir}/finish`].map(shellQuote).join(' '),
  });
  if (jobs.length === 0) {
    // A shard beyond the plan: nothing to check or judge, and not an error —
    // a CI matrix wider than the plan still merges (its summary says so).
    const line = `zdspec check: shard ${shard?.index}/${shard?.count} has no job (the plan has ${planned.length}): nothing checked; ${dir.path}/summary.json says so`;
    if (flags.json) cli().io.err(`${line}\n`);
    else say(line);
    return;
  }
  const judgement = flags.judge ? judgeRows(rows) : undefined;
  if (judgement && judgementFails(judgement)) cli().exit(EXIT.FAILED);
  if (flags.json) return;
  printRunEnd(rows, dir, judgement);
}

const focusOf = (ops: OpName[] | undefined, types: MemoryType[] | undefined): { focus?: Focus } =>
  ops === undefined && types === undefined ? {} : { focus: { ...(ops ? { ops } : {}), ...(types ? { types } : {}) } };

const optional = <K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> => (value === undefined ? {} : ({ [key]: value } as Record<K, number>));
