// `zdspec merge-reports OUT DIR...`: the report directories of a check's
// shards (check --shard i/n), or of separate runs of one check's options,
// merged into OUT (src/report/merge/). The exit code is the merged run's:
// the judge's when the shards ran with --judge, else whether every merged
// proposal holds.
// This file defines the options; merge-reports-action.ts runs them.
import { Command } from 'commander';

export interface MergeFlags {
  readonly json?: boolean;
  readonly quiet?: boolean;
}

const EXAMPLES = `
Examples:
  $ zdspec check --all --judge --seed 7 --shard 1/2 --report-dir reports/1
  $ zdspec check --all --judge --seed 7 --shard 2/2 --report-dir reports/2
  $ zdspec merge-reports reports/all reports/1 reports/2

OUT gets what one check of every proposal would have written: summary.txt,
.md and .json (verdicts, seed, options; the duration is the parts' sum),
junit.xml, every counterexample file (.txt, .md, .json; a name two reports
both used is kept twice, the second as <stem>-2.*, and said), the semantic
coverage and the --coverage report when every input has them, and
index.html. The inputs must be of one check: the same zdspec version, seed
and options (the field that differs is named); shards each once, none
missing. Proposal files are named relative to the working directory, as
the check named them: merge from the directory the check ran in.

Exit codes: 0 every merged proposal holds (with --judge shards: every
verdict matches its built-in's header); 1 a violation, a mismatch, an
unfinished proposal (an interrupted shard: the summary says interrupted)
or semantic coverage below the check's --min-semantic-coverage; 2 bad
input (a missing directory, no summary.json, reports of different checks,
a shard twice or missing).`;

export function mergeReportsCommand(): Command {
  return (
    new Command('merge-reports')
      .description("merge the report directories of a check's shards (or of separate runs of the same options) into one")
      .argument('<out>', 'the merged report directory (created; the files of its previous run removed first)')
      .argument('<dirs...>', 'report directories written by zdspec check')
      .option('--json', 'print the merged summary as JSON on stdout')
      .option('-q, --quiet', 'print only the final verdicts')
      .addHelpText('after', EXAMPLES)
      // What the verb runs loads only when it runs: --help stays fast.
      .action(async (out: string, dirs: string[], flags: MergeFlags) => (await import('./merge-reports-action.ts')).mergeReportsAction(out, dirs, flags))
  );
}
