// The zdspec command line (bin/zdspec.js calls main). Each verb is a
// commander Command in src/cli/verbs/; main wires them, routes output through
// the invocation's context, and turns what happened into an exit code:
// 0 every check holds, 1 a check failed, 2 bad input, 3 a zdspec bug.
import { Command, CommanderError } from 'commander';
import { guardProcess, type ProcessExits } from '../proposals/process-guard.ts';
import { zdspecVersion } from '../util/zdspec-version.ts';
import { isBadInput } from './bad-input.ts';
import { PROCESS_IO, createContext, withContext, type CliIo } from './cli-context.ts';
import { EXIT } from './exit-codes.ts';
import { checkCommand } from './verbs/check.ts';
import { exploreCommand } from './verbs/explore.ts';
import { listCommand } from './verbs/list.ts';
import { mutateCommand } from './verbs/mutate.ts';
import { judgeCommand } from './verbs/judge.ts';
import { mergeReportsCommand } from './verbs/merge-reports.ts';
import { replayCommand } from './verbs/replay.ts';
import { runCommand } from './verbs/run.ts';

function verbs(): Command[] {
  return [checkCommand(), exploreCommand(), runCommand(), replayCommand(), judgeCommand(), mergeReportsCommand(), mutateCommand(), listCommand()];
}

function program(io: CliIo): Command {
  const root = new Command('zdspec')
    .description('Executable specification of Linux ZONE_DEVICE memory-type semantics')
    .version(zdspecVersion(), '-V, --version', 'print the zdspec version')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .addHelpText(
      'after',
      '\nExamples:\n  $ zdspec check --all\n  $ zdspec check ./my-series-v2.ts\n  $ zdspec replay reports/coherent-v1.no-longterm-pin-coherent.json\n  $ zdspec run trace.json --proposal coherent-v1\n  $ zdspec merge-reports reports/all reports/1 reports/2\n  $ zdspec list\n  $ zdspec check --help',
    );
  for (const verb of verbs()) {
    // addCommand does not pass settings down: output routing and exitOverride too.
    verb.copyInheritedSettings(root);
    root.addCommand(verb);
  }
  return root;
}

/** `zdspec list | head`: a closed pipe ends the output, not in a stack trace. */
function quietOnClosedPipe(exit: ProcessExits['exit']): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') exit(EXIT.OK);
    throw e;
  });
}

/**
 * Every promise zdspec makes is awaited, so an unhandled rejection in the
 * CLI process is a proposal's (a hook that starts an async task and drops
 * it): one line, not Node's dump of the transpiled proposal and a crash.
 */
function quietOnProposalRejection(io: CliIo): void {
  process.on('unhandledRejection', (reason) => {
    io.err(`zdspec: a proposal's promise rejected: ${reason instanceof Error ? reason.message : String(reason)}\n`);
  });
}

let processHandlers = false;

export async function main(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  // Proposal code (at import, in hooks) must not end the process: zdspec keeps the real functions.
  const real = guardProcess();
  if (io === PROCESS_IO && !processHandlers) {
    processHandlers = true;
    quietOnClosedPipe(real.exit);
    quietOnProposalRejection(io);
  }
  const context = createContext(io);
  return withContext(context, async () => {
    try {
      await program(io).parseAsync([...argv], { from: 'user' });
      return context.exitCode;
    } catch (e) {
      if (e instanceof CommanderError) {
        // --help and --version end here with exit code 0; usage errors with 1 → bad input.
        return e.exitCode === 0 ? EXIT.OK : EXIT.BAD_INPUT;
      }
      if (isBadInput(e)) {
        io.err(`zdspec: ${e.message}\n`);
        return EXIT.BAD_INPUT;
      }
      io.err(`zdspec: internal error (a bug in zdspec, please report it):\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      return EXIT.INTERNAL;
    }
  });
}
