// Proposal hooks are code under review: they may throw, or return something
// that is not a decision. Wrapping each hook lets the pair tell "the
// proposal's hook threw" or "returned garbage" (a finding, with the hook's
// name and message) from "the kernel model threw" (a model bug).
import { HOOK_DECISIONS } from '../../models/kernel/hook-decisions.ts';
import type { HookName, Hooks } from '../../models/kernel/hooks.ts';
import { ProposalEscape } from '../proposals/process-guard.ts';
import { HookBadReturn } from './hook-bad-return.ts';

export class HookCrash extends Error {
  override readonly name = 'HookCrash';
  readonly fault = 'proposal-crashed';
  constructor(
    readonly hook: HookName,
    readonly original: unknown,
  ) {
    // "hook X called process.exit(0): a proposal cannot end the process".
    super(original instanceof ProposalEscape ? `hook ${hook} ${original.message}` : `hook ${hook} threw: ${errorMessage(original)}`);
  }
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

type AnyHook = (...args: unknown[]) => unknown;

/**
 * `validate`: the hooks whose results are checked against their decision
 * type (HOOK_DECISIONS) — the proposal's own. The others (the era's
 * defaults, zdspec's code) are only wrapped, as before: no extra cost.
 * The hooks are the composed ones (models/proposals/compose-hooks.ts): the
 * proposal is the outermost level, so the checked result is its decision,
 * and a throw anywhere in the chain is charged to the hook it ran for.
 */
export function guardHooks(hooks: Hooks, validate: readonly HookName[] = []): Hooks {
  const guarded: Record<string, unknown> = {};
  for (const [name, hook] of Object.entries(hooks) as [HookName, AnyHook][]) {
    guarded[name] = validate.includes(name) ? checked(hooks, name, hook) : crashing(hooks, name, hook);
  }
  return guarded as unknown as Hooks;
}

function crashing(hooks: Hooks, name: HookName, hook: AnyHook): AnyHook {
  return (...args) => {
    try {
      return hook.apply(hooks, args);
    } catch (e) {
      throw fault(name, e);
    }
  };
}

function checked(hooks: Hooks, name: HookName, hook: AnyHook): AnyHook {
  const decision = HOOK_DECISIONS[name];
  return (...args) => {
    let value: unknown;
    let bad: HookBadReturn | undefined;
    try {
      value = hook.apply(hooks, args);
      // Reading the value may run the proposal's getters: a throw there is the hook's.
      bad = HookBadReturn.check(name, value, decision);
    } catch (e) {
      throw fault(name, e);
    }
    if (bad !== undefined) throw bad;
    return value;
  };
}

const fault = (name: HookName, e: unknown): HookCrash | HookBadReturn => (e instanceof HookCrash || e instanceof HookBadReturn ? e : new HookCrash(name, e));
