// What a verb needs from the invocation: where to write, whether to colour,
// and how to report its exit code. Verbs are parameterless commander
// Commands (runCommand(), listCommand(), and later checkCommand(),
// replayCommand()), so main() provides this per invocation through
// AsyncLocalStorage rather than globals: tests can run main() concurrently.
import { AsyncLocalStorage } from 'node:async_hooks';
import pc from 'picocolors';
import type { Colors } from 'picocolors/types';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Colour only for a terminal (and never with NO_COLOR). */
  readonly isTTY: boolean;
}

export const PROCESS_IO: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env),
};

export interface CliContext {
  readonly io: CliIo;
  readonly colors: Colors;
  /** Raise the invocation's exit code (it never goes down: 2 beats 1 beats 0). */
  exit(code: number): void;
  readonly exitCode: number;
}

const storage = new AsyncLocalStorage<CliContext>();

export function createContext(io: CliIo): CliContext {
  let exitCode = 0;
  return {
    io,
    colors: pc.createColors(io.isTTY),
    exit: (code) => void (exitCode = Math.max(exitCode, code)),
    get exitCode() {
      return exitCode;
    },
  };
}

export function withContext<T>(context: CliContext, run: () => Promise<T>): Promise<T> {
  return storage.run(context, run);
}

/** The current invocation's context; verbs call it inside their action. */
export function cli(): CliContext {
  const context = storage.getStore();
  if (context === undefined) throw new Error('cli(): called outside main()');
  return context;
}

/** Print lines to stdout. */
export function say(...lines: readonly string[]): void {
  cli().io.out(lines.map((line) => `${line}\n`).join(''));
}
