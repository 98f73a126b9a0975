// `zdspec replay FILE`: re-runs a counterexample (a JSON trace written by
// `zdspec check`) through the runner and says whether the same failure
// happens again: exit 1 when it fails (the same check, or — said so — a
// different one) or the replay diverged from the recorded results before the
// failing step; 0 when every check now holds; 2 on bad input, including a
// file naming a proposal file without --allow-proposal-file (a proposal is
// code: refuse-proposal-file.ts).
// This file defines the options; replay-action.ts runs them.
import { Command } from 'commander';
import { collect } from './collect.ts';
import { FULL_INVARIANTS_HELP, HOOK_TIME_LIMIT_HELP } from './shared-option-help.ts';

export interface ReplayFlags {
  readonly proposal?: string;
  readonly invariant?: string[];
  readonly hookTimeLimit?: string;
  readonly fullInvariants?: boolean;
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

Time limit: a run of n steps that uses more CPU time than the
--hook-time-limit base + 25 ms × n counts as a hung proposal hook
(proposal-timeout); a run kept off the CPU (the process stopped, a busy
machine) is started again, and one that blocks is reported after 7 limits.

Exit codes: 0 every check now holds; 1 it fails (the same check as recorded,
or another one), a hook hung, or the replay diverged (printed as "diverged at
step N"); 2 bad input (unreadable or malformed file, a proposal file without
--allow-proposal-file, bad option).`;

export function replayCommand(): Command {
  return (
    new Command('replay')
      .description('re-run a counterexample file and report whether its failure reproduces')
      .argument('<file>', 'a counterexample JSON written by zdspec check (a trace)')
      .option('-p, --proposal <name|path>', 'run it under another proposal (e.g. the next version of a series)')
      .option('-i, --invariant <id>', 'check only this invariant (or "refinement"); repeatable (default: the checks recorded in the file)', collect)
      .option('--hook-time-limit <duration>', HOOK_TIME_LIMIT_HELP)
      .option('--full-invariants', FULL_INVARIANTS_HELP)
      .option('--allow-proposal-file', 'run the proposal file the counterexample names (it is code: only for files you trust)')
      .option('--json', 'print the run report as JSON')
      .addHelpText('after', EXAMPLES)
      // What the verb runs loads only when it runs: --help stays fast.
      .action(async (file: string, flags: ReplayFlags) => (await import('./replay-action.ts')).replayAction(file, flags))
  );
}
