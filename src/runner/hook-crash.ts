// Proposal hooks are code under review: they may throw. Wrapping each hook
// lets the pair tell "the proposal's hook threw" (a finding, with the hook's
// name and message) from "the kernel model threw" (a model bug).
import type { HookName, Hooks } from '../../models/kernel/hooks.ts';

export class HookCrash extends Error {
  override readonly name = 'HookCrash';
  constructor(
    readonly hook: HookName,
    readonly original: unknown,
  ) {
    super(`hook ${hook} threw: ${errorMessage(original)}`);
  }
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function guardHooks(hooks: Hooks): Hooks {
  const guarded: Record<string, unknown> = {};
  for (const [name, hook] of Object.entries(hooks) as [HookName, (...args: unknown[]) => unknown][]) {
    guarded[name] = (...args: unknown[]) => {
      try {
        return hook.apply(hooks, args);
      } catch (e) {
        throw e instanceof HookCrash ? e : new HookCrash(name, e);
      }
    };
  }
  return guarded as unknown as Hooks;
}
