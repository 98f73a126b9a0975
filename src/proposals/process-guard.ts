// A proposal cannot end the process. Its code runs inside zdspec (at import
// and in every hook call), and a `process.exit(0)` there would end a check
// silently with exit code 0 — "every invariant holds". guardProcess replaces
// the functions that end the process with ones that throw ProposalEscape:
// in a hook it becomes a proposal-crashed finding (hook-crash.ts), at import
// a load error (import-default.ts). zdspec's own code uses the originals it
// returns. Installed by the CLI's main and in each worker thread that runs
// a proposal's code (process.kill from any thread ends the whole process),
// never on import of this module: a library user's process keeps its own.

export class ProposalEscape extends Error {
  override readonly name = 'ProposalEscape';
  /** The call as written: `process.exit(0)`, `process.kill(1234, 'SIGKILL')`. */
  readonly call: string;
  constructor(call: string) {
    super(`called ${call}: a proposal cannot end the process`);
    this.call = call;
  }
}

/** The real functions, for zdspec's own use. */
export interface ProcessExits {
  readonly exit: (code?: number) => never;
  readonly kill: (pid: number, signal?: string | number) => true;
}

let saved: ProcessExits | undefined;

const shown = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : String(v));
const callText = (fn: string, args: readonly unknown[]): string => `process.${fn}(${args.map(shown).join(', ')})`;

/** Idempotent: the second call returns the originals saved by the first. */
export function guardProcess(): ProcessExits {
  if (saved !== undefined) return saved;
  type ReallyExit = (...args: unknown[]) => never;
  const p = process as unknown as { reallyExit: ReallyExit };
  const originals = { exit: process.exit, abort: process.abort, reallyExit: p.reallyExit };
  const kill = process.kill.bind(process);
  // process.exit ends in process.reallyExit: when zdspec itself exits, the
  // originals come back first, or its own exit would throw.
  const exit = (code?: number): never => {
    process.exit = originals.exit;
    process.abort = originals.abort;
    p.reallyExit = originals.reallyExit;
    return process.exit(code);
  };
  saved = { exit, kill };
  const refuse =
    (fn: string) =>
    (...args: unknown[]): never => {
      throw new ProposalEscape(callText(fn, args));
    };
  process.exit = refuse('exit');
  process.abort = refuse('abort');
  // Undocumented, but what process.exit calls; it ends the process just the same.
  p.reallyExit = refuse('reallyExit');
  process.kill = (pid: number, signal?: string | number): true => {
    // Signal 0 only asks whether the process exists. pid 0 and negative pids
    // are process groups, which may include this process.
    const self = Number(pid) === process.pid || Number(pid) <= 0;
    if (self && signal !== 0) throw new ProposalEscape(callText('kill', signal === undefined ? [pid] : [pid, signal]));
    return kill(pid, signal);
  };
  return saved;
}
