// `zdspec list`: the built-in proposals (with their expected verdicts, the
// litmus-test "Result:" table) and the invariants (statement and guards).
// This file defines the options; list-action.ts runs them.
import { Command } from 'commander';

const EXAMPLES = `
Examples:
  $ zdspec list
  $ zdspec list --json | jq '.proposals[].name'`;

export function listCommand(): Command {
  return (
    new Command('list')
      .description('list the built-in proposals (with expected verdicts) and the invariants')
      .option('--json', 'print as JSON')
      .addHelpText('after', EXAMPLES)
      // What the verb runs loads only when it runs: --help stays fast.
      .action(async (flags: { json?: boolean }) => (await import('./list-action.ts')).listAction(flags))
  );
}
