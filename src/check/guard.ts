// The time limit on a proposal's code. A hook stuck in a synchronous loop
// can't be interrupted by anything running in the same thread except V8's
// own termination, which node:vm exposes: a script run with `timeout`
// terminates whatever JavaScript is executing when the watchdog fires,
// including functions defined outside the context — the hook. So each
// fast-check run (a whole command sequence) executes inside one vm call
// with a timeout. One watchdog per run costs ~0.1 ms, against ~0.01 ms per
// hook call if every hook were guarded; a worker thread per check would
// need the proposal re-loaded from a file inside the worker, which an
// in-memory proposal (tests, `checkProposalProp`) does not have.
//
// Termination skips `finally` blocks and catch clauses on the way out: only
// state created for the run (the pair, the session) may be left half-done,
// and the caller discards it.
import vm from 'node:vm';

export class RunTimeout extends Error {
  override readonly name = 'RunTimeout';
  constructor(readonly limitMs: number) {
    super(`did not return within ${limitMs} ms`);
  }
}

const context = vm.createContext({ __zdspecRun: (): void => undefined });
const script = new vm.Script('__zdspecRun()', { filename: 'zdspec-time-limit' });

export function runWithTimeLimit<T>(limitMs: number, fn: () => T): T {
  let out: { value: T } | undefined;
  context.__zdspecRun = () => {
    out = { value: fn() };
  };
  try {
    script.runInContext(context, { timeout: limitMs });
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new RunTimeout(limitMs);
    throw e;
  }
  if (out === undefined) throw new Error('time-limited run returned nothing');
  return out.value;
}
