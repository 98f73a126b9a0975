// `zdspec check`: random model-based checking of proposals (DESIGN §6). Each
// proposal's violated checks are searched (findViolations); every
// counterexample is shrunk, written to the report directory (text, Markdown,
// JSON trace) and printed; a summary of proposals × checks is written too.
// `--seed S --path P` re-runs one fast-check run exactly.
import { resolve } from 'node:path';
import { Command } from 'commander';
import { BUILTIN_NAMES } from '../../../models/proposals/registry.ts';
import { checkProposal, CHECK_DEFAULTS } from '../../check/check-proposal.ts';
import { findViolations, type ViolationSearch } from '../../check/find-violations.ts';
import { isBuiltinName, loadProposal } from '../../proposals/load-proposal.ts';
import type { ProposalSummary } from '../../report/summary.ts';
import { summaryJson, writeSummary } from '../../report/summary.ts';
import { reportStem, writeCounterexample } from '../../report/write-counterexample.ts';
import { InputError } from '../bad-input.ts';
import { cli, say } from '../cli-context.ts';
import { EXIT } from '../exit-codes.ts';
import { collect, parseChecks, parseCount, parseDuration, parsePath, parseSeed } from './check-options.ts';
import { progressLine } from './check-progress.ts';

interface CheckFlags {
  readonly all?: boolean;
  readonly invariant?: string[];
  readonly runs?: string;
  readonly maxCommands?: string;
  readonly seed?: string;
  readonly path?: string;
  readonly timeLimit?: string;
  readonly reportDir: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

const EXAMPLES = `
Examples:
  $ zdspec check coherent-v1
  $ zdspec check --all --report-dir reports
  $ zdspec check ./my-series-v2.ts --invariant no-longterm-pin-coherent --runs 5000
  $ zdspec check upstream --time-limit 2m --max-commands 60
  $ zdspec check coherent-v1 --seed 1515831038 --path '2:8:12@AABF:q'   # exact re-run

Every run prints its seed; a counterexample prints the command that re-runs
it and is written to the report directory as text, Markdown and a JSON trace
(zdspec replay FILE).

Exit codes: 0 every checked invariant holds; 1 a violation was found (or a
proposal hook threw or hung); 2 bad usage or input.`;

export function checkCommand(): Command {
  return new Command('check')
    .description('search for invariant violations in proposals by random command sequences, shrink and report them')
    .argument('[proposals...]', 'built-in proposal names or proposal files')
    .option('-a, --all', `check every built-in proposal (${BUILTIN_NAMES.join(', ')})`)
    .option('-i, --invariant <id>', 'check only this invariant (or "refinement"); repeatable', collect)
    .option('-n, --runs <n>', `random runs per search round (default ${CHECK_DEFAULTS.runs})`)
    .option('-k, --max-commands <k>', `longest command sequence (default ${CHECK_DEFAULTS.maxCommands})`)
    .option('-s, --seed <seed>', 'fast-check seed (default: random, printed)')
    .option('-p, --path <path>', "replay path of a counterexample (with --seed): re-runs that run exactly")
    .option('-t, --time-limit <duration>', 'stop each proposal after this long, e.g. 30s, 2m')
    .option('-o, --report-dir <dir>', 'where counterexamples and the summary go', 'reports')
    .option('--json', 'print the summary as JSON')
    .option('-q, --quiet', 'print only one line per proposal')
    .addHelpText('after', EXAMPLES)
    .action(async (specs: string[], flags: CheckFlags) => {
      const { io, colors: c } = cli();
      if (flags.all) specs = [...BUILTIN_NAMES, ...specs];
      if (specs.length === 0) throw new InputError('check: name a proposal (or a file), or use --all; see zdspec check --help');
      const invariants = parseChecks(flags.invariant);
      // A search without --seed still gets one, printed, so it can be re-run.
      const seed = parseSeed(flags.seed) ?? (Date.now() ^ Math.floor(Math.random() * 2 ** 32)) | 0;
      const path = parsePath(flags.path);
      if (path !== undefined && (flags.seed === undefined || specs.length !== 1)) throw new InputError('--path needs --seed and exactly one proposal');
      const options = {
        ...(invariants ? { invariants } : {}),
        seed,
        ...optional('runs', parseCount('--runs', flags.runs, 1)),
        ...optional('maxCommands', parseCount('--max-commands', flags.maxCommands, 1)),
        ...optional('timeLimitMs', parseDuration('--time-limit', flags.timeLimit)),
      };
      const progress = progressLine(io.isTTY && !flags.json, io.err);
      const rows: ProposalSummary[] = [];
      const loaded = await Promise.all(specs.map((spec) => loadProposal(spec)));
      for (const [i, proposal] of loaded.entries()) {
        const spec = specs[i]!;
        // A file is named by its absolute path: a counterexample JSON resolves
        // a relative one against its own directory.
        const proposalSpec = isBuiltinName(spec) ? spec : resolve(spec);
        const common = { ...options, proposalSpec, onProgress: (p: Parameters<typeof progress.update>[1]) => progress.update(spec, p) };
        const search: ViolationSearch = path === undefined ? findViolations(proposal, { ...common, budget: options }) : asSearch(checkProposal(proposal, { ...common, path }));
        progress.clear();
        const files: Record<string, string> = {};
        if (!flags.quiet && !flags.json) say(c.bold(`${spec} (era ${search.era}): seed ${seed}`));
        for (const cx of search.found) {
          const written = writeCounterexample(cx, proposal, flags.reportDir);
          files[cx.check] = reportStem(cx);
          if (!flags.quiet && !flags.json) say(written.text);
        }
        rows.push({ proposal: spec, era: search.era, runs: search.runs, commands: search.commands, checks: search.checks, found: search.found, files });
        if (search.found.length > 0) cli().exit(EXIT.FAILED);
        if (!flags.json) say(summaryLine(search, c));
      }
      const summary = writeSummary(rows, flags.reportDir);
      if (flags.json) say(summaryJson(rows, new Date().toISOString()).trimEnd());
      else if (!flags.quiet) say(c.dim(`reports: ${summary.join(', ')}`));
    });
}

const optional = <K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, number>);

function summaryLine(s: ViolationSearch, c: ReturnType<typeof cli>['colors']): string {
  const rate = s.elapsedMs > 0 ? Math.round(s.commands / (s.elapsedMs / 1000)) : 0;
  const stats = `${s.runs} runs, ${s.commands} commands, ${(s.elapsedMs / 1000).toFixed(1)} s, ${rate} commands/s${s.interrupted ? ', time limit reached' : ''}`;
  if (s.found.length === 0) return c.green(`${s.proposal}: every checked invariant holds (${stats})`);
  return c.red(`${s.proposal}: violates ${s.found.map((cx) => `${cx.check} (${cx.steps.length} steps)`).join(', ')} (${stats})`);
}

/** One exact re-run, shaped like a search. */
function asSearch(r: ReturnType<typeof checkProposal>): ViolationSearch {
  return {
    proposal: r.proposal,
    era: r.era,
    checks: r.checks,
    found: r.counterexample ? [r.counterexample] : [],
    holds: r.counterexample ? [] : r.checks,
    runs: r.runs,
    commands: r.commands,
    elapsedMs: r.elapsedMs,
    stats: r.stats,
    interrupted: r.interrupted,
  };
}
