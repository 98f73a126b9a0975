// The action of `zdspec check` (check.ts defines its options): loaded only
// when a check runs, so that `zdspec --help` need not load the search.
import { defaultWorkers } from '../default-workers.ts';
import { join } from 'node:path';
import type { Command } from 'commander';
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
import { longestFirst, previousDurations } from '../../check/pool/longest-first.ts';
import { selectShard } from '../../check/pool/shard.ts';
import { shellQuote } from '../../util/shell-quote.ts';
import { zdspecVersion } from '../../util/zdspec-version.ts';
import { InputError } from '../bad-input.ts';
import { cli, say } from '../cli-context.ts';
import { parseChecks, parseCount, parseCoverageClasses, parseDuration, parseFocusOps, parseFocusTypes, parsePath, parseSeed, parseShard } from './check-options.ts';
import { runCheckSession } from './check-session.ts';
import { checkWords } from './check-words.ts';
import { commandLine, isCoverageChild, proposalFiles, runUnderCoverage } from '../../coverage/under-coverage.ts';
import { removeCoverageReport } from '../../coverage/coverage-report.ts';
import type { CheckFlags } from './check.ts';

export function checkAction(specs: string[], flags: CheckFlags, verb: Command): Promise<void> {
  if (flags.coverage && !isCoverageChild()) return checkUnderCoverage(specs, flags, verb);
  return runCheck(specs, flags);
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
    ...focusOf(parseFocusOps(flags.focus), parseFocusTypes(flags.types), flags.threads === true, parseSchedule(flags.schedule, flags.threads === true)),
    semantic: true,
    ...(flags.fullInvariants ? { fullInvariants: true } : {}),
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
  // Read before the directory is taken over: the last run's durations order this one's jobs, longest first.
  const durations = previousDurations(flags.reportDir);
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
    order: longestFirst(jobs, durations),
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
        ...(options.focus?.threads ? { threads: true } : {}),
        ...(options.focus?.schedule ? { schedule: options.focus.schedule } : {}),
        ...(path === undefined ? {} : { path }),
        ...(flags.fullInvariants ? { 'full-invariants': true } : {}),
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

const focusOf = (ops: OpName[] | undefined, types: MemoryType[] | undefined, threads: boolean, schedule: 'pct' | undefined): { focus?: Focus } =>
  ops === undefined && types === undefined && !threads ? {} : { focus: { ...(ops ? { ops } : {}), ...(types ? { types } : {}), ...(threads ? { threads } : {}), ...(schedule ? { schedule } : {}) } };

/** --schedule: uniform (the default, left out) or pct, with --threads only. */
function parseSchedule(raw: string | undefined, threads: boolean): 'pct' | undefined {
  if (raw === undefined || raw === 'uniform') return undefined;
  if (raw !== 'pct') throw new InputError(`--schedule: expected uniform or pct, got '${raw}'`);
  if (!threads) throw new InputError('--schedule pct schedules threads: it needs --threads');
  return 'pct';
}

const optional = <K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> => (value === undefined ? {} : ({ [key]: value } as Record<K, number>));
