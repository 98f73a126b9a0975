// `zdspec check`: random model-based checking of proposals (DESIGN §6). Each
// proposal's violated checks are searched (findViolations) in a worker
// thread; every counterexample is shrunk and written to the report
// directory (text, Markdown, JSON trace) as soon as it is found; a summary of
// proposals × checks ends the run. `--seed S --path P` re-runs one
// fast-check run exactly. This file defines the options; check-action.ts
// runs them.
import { Command } from 'commander';
import { BUILTIN_NAMES } from '../../../models/proposals/registry.ts';
import { CHECK_DEFAULTS } from '../../check/check-defaults.ts';
import { defaultWorkers } from '../default-workers.ts';
import { collect } from './collect.ts';

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
  readonly threads?: boolean;
  readonly schedule?: string;
  readonly reportDir: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly judge?: boolean;
  readonly coverage?: boolean;
  readonly minSemanticCoverage?: string[];
  readonly fullInvariants?: boolean;
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
  return (
    new Command('check')
      .description('search for invariant violations in proposals by random command sequences, shrink and report them')
      .argument('[proposals...]', 'built-in proposal names or proposal files')
      .option('-a, --all', `check every built-in proposal (${BUILTIN_NAMES.join(', ')})`)
      .option('-i, --invariant <id>', 'check only this invariant (or "refinement"); repeatable, or a comma list', collect)
      .option('-n, --runs <n>', `random runs per search round (default ${CHECK_DEFAULTS.runs})`)
      .option('-k, --max-commands <k>', `longest command sequence (default ${CHECK_DEFAULTS.maxCommands})`)
      .option('-s, --seed <seed>', 'fast-check seed (default: random, printed)')
      .option('-p, --path <path>', 'replay path of a counterexample (with --seed): re-runs that run exactly')
      .option('-t, --time-limit <duration>', "stop each proposal's search after this long, e.g. 30s, 2m")
      .option('--hook-time-limit <duration>', `a run of n commands is a hung hook after this + 25 ms × n of CPU time (default ${CHECK_DEFAULTS.hookTimeLimitMs / 1000}s)`)
      .option('--focus <op>', 'generate these operations five times as often; repeatable, or a comma list', collect)
      .option('--types <type>', 'memremap only these memory types (those the era has); repeatable, or a comma list', collect)
      .option(
        '--threads',
        'also start operations (CPU accesses and GUP on device-private entries, fast GUP on mapped pages, long-term pins of device pages, final puts (munmap, put_page, unpin_user_page), fork, driver migrations (in collect, past migrate_vma_setup, in a one-page finalize), memory_failure by pgmap, memunmap_pages) as a thread of their own, paused at the interleaving points (models/kernel/interleaving-points.ts), and resume them later: races, judged for linearizability',
      )
      .option(
        '--schedule <how>',
        "with --threads: 'uniform' (resume commands drawn like any other; default) or 'pct' (a PCT plan per run: random thread priorities and one change point decide when a paused thread goes on)",
      )
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
      .option('--full-invariants', "judge the reference side's invariants at every step, also where its view is the kernel model's (slower; the verdicts are the same)")
      .option('--coverage', 'also write the V8 coverage of this run (models/, src/, proposal files) to REPORT_DIR/coverage: lcov.info, index.html, a summary')
      .addHelpText('after', EXAMPLES)
      // The search's modules load only when a check runs: --help stays fast.
      .action(async (specs: string[], flags: CheckFlags, verb: Command) => (await import('./check-action.ts')).checkAction(specs, flags, verb))
  );
}
