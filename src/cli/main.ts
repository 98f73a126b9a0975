// The zdspec command line (bin/zdspec.js calls main). Each verb is a
// commander Command in src/cli/verbs/; main wires them, routes output through
// the invocation's context, and turns what happened into an exit code:
// 0 every check holds, 1 a check failed, 2 bad input, 3 a zdspec bug.
import { Command, CommanderError } from 'commander';
import { isBadInput } from './bad-input.ts';
import { PROCESS_IO, createContext, withContext, type CliIo } from './cli-context.ts';
import { EXIT } from './exit-codes.ts';
import { checkCommand } from './verbs/check.ts';
import { listCommand } from './verbs/list.ts';
import { replayCommand } from './verbs/replay.ts';
import { runCommand } from './verbs/run.ts';

function verbs(): Command[] {
  return [
    checkCommand(),
    runCommand(),
    replayCommand(),
    listCommand(),
  ];
}

function program(io: CliIo): Command {
  const root = new Command('zdspec')
    .description('Executable specification of Linux ZONE_DEVICE memory-type semantics')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .addHelpText('after', '\nExamples:\n  $ zdspec list\n  $ zdspec run trace.json --proposal coherent-v1\n  $ zdspec run --help');
  for (const verb of verbs()) {
    // addCommand does not pass settings down: output routing and exitOverride too.
    verb.copyInheritedSettings(root);
    root.addCommand(verb);
  }
  return root;
}

/** `zdspec list | head`: a closed pipe ends the output, not in a stack trace. */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT.OK);
    throw e;
  });
}

export async function main(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  if (io === PROCESS_IO) quietOnClosedPipe();
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
