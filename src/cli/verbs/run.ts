// `zdspec run TRACE.json`: one trace through the kernel model and the
// reference, step by step, with every check. A scenario with `runs` (and no
// --proposal) runs under each listed proposal and is judged against its
// expected verdict. A step naming a handle no earlier step created is bad
// input (exit 2); a hook that never returns is a proposal-timeout finding.
// This file defines the options; run-action.ts runs them.
import { Command } from 'commander';
import { collect } from './collect.ts';
import { FULL_INVARIANTS_HELP, HOOK_TIME_LIMIT_HELP } from './shared-option-help.ts';

export interface RunFlags {
  readonly proposal?: string;
  readonly invariant?: string[];
  readonly hookTimeLimit?: string;
  readonly fullInvariants?: boolean;
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

Time limit: a run of n steps that uses more CPU time than the
--hook-time-limit base + 25 ms × n counts as a hung proposal hook
(proposal-timeout); a run kept off the CPU (the process stopped, a busy
machine) is started again, and one that blocks is reported after 7 limits.

Exit codes: 0 every check holds; 1 an expectation, invariant or refinement
check failed (or a proposal hook threw or hung); 2 bad input (malformed
trace, a handle no earlier step created, proposal that does not load, bad
option).`;

export function runCommand(): Command {
  return (
    new Command('run')
      .description('run a trace (JSON) on the kernel model and the reference, checking refinement, invariants and expectations')
      .argument('<trace>', 'the trace file: {"proposal"?, "era"?, "steps": [{"op", "args", "expect"?, "note"?}]}')
      .option('-p, --proposal <name|path>', "a built-in proposal or a proposal file (overrides the trace's)")
      .option('-i, --invariant <id>', 'check only this invariant (or "refinement"); repeatable (default: all and refinement)', collect)
      .option('--hook-time-limit <duration>', HOOK_TIME_LIMIT_HELP)
      .option('--full-invariants', FULL_INVARIANTS_HELP)
      .option('--json', 'print the run report(s) as JSON')
      .option('-q, --quiet', 'print only the first failure and the summary')
      .option('--coverage', 'also write the V8 coverage of this run (models/, src/, a --proposal file) to reports/coverage: lcov.info, index.html, a summary')
      .addHelpText('after', EXAMPLES)
      // What the verb runs loads only when it runs: --help stays fast.
      .action(async (file: string, flags: RunFlags, verb: Command) => (await import('./run-action.ts')).runAction(file, flags, verb))
  );
}
