// A proposal's hook returned something that is not its kernel function's
// decision: a string 'false' where a boolean is expected, undefined, a
// Promise. Without this check the kernel model would read the value as it
// comes ('false' is truthy) and report a design bug the proposal does not
// have — or none it does. The check runs only on the proposal's own hooks.
import type { DecisionType } from '../../models/kernel/decision-type.ts';
import type { HookName } from '../../models/kernel/hooks.ts';

export class HookBadReturn extends Error {
  override readonly name = 'HookBadReturn';
  readonly fault = 'proposal-bad-return';
  constructor(
    readonly hook: HookName,
    detail: string,
  ) {
    super(`hook ${hook} ${detail}`);
  }

  /** Undefined when `value` fits `decision`. May run the proposal's code (getters, toJSON): call it where a throw counts as the hook's. */
  static check(hook: HookName, value: unknown, decision: DecisionType<unknown>): HookBadReturn | undefined {
    if (isThenable(value)) {
      silence(value);
      return new HookBadReturn(hook, "returned a Promise: hooks are synchronous (an async function's result is never awaited)");
    }
    return decision.fits(value) ? undefined : new HookBadReturn(hook, `returned ${render(value)}, expected ${decision.expected}`);
  }
}

const MAX = 60;

function isThenable(v: unknown): v is object {
  return ((typeof v === 'object' && v !== null) || typeof v === 'function') && typeof (v as { then?: unknown }).then === 'function';
}

/**
 * Nothing awaits the promise, so its rejection would be an unhandled
 * rejection: Node's dump of the transpiled proposal, or a crash. Only a
 * native promise can be one; a hand-made thenable's `then` is not called.
 */
function silence(v: object): void {
  if (!(v instanceof Promise)) return;
  try {
    Promise.prototype.then.call(v, undefined, () => undefined);
  } catch {
    // A Promise subclass whose species constructor throws: nothing to attach to.
  }
}

/** Short, and unambiguous about the type: `"false"` is a string, `false` a boolean. */
function render(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'symbol' || typeof v === 'number') return String(v);
  if (typeof v === 'bigint') return `${v}n`;
  let json: string | undefined;
  try {
    json = JSON.stringify(v);
  } catch {
    json = undefined; // a cycle, a BigInt inside, or a throwing getter
  }
  if (json === undefined) return Object.prototype.toString.call(v);
  return json.length > MAX ? `${json.slice(0, MAX - 3)}...` : json;
}
