// Composing a proposal chain's hooks into the two-argument hooks the kernel
// model calls. Level by level from the root: the era's default hook, then
// each level's hook receiving the decision of everything below it as `dflt`.
// A hook no level overrides stays the default function itself, so the hot
// path pays nothing for proposals that do not touch it, and no default is
// ever computed twice.
import { defaultHooks } from '../kernel/default-hooks.ts';
import type { Era } from '../eras/era.ts';
import { HOOK_NAMES, type HookName, type Hooks } from '../kernel/hooks.ts';
import type { ProposalHooks } from '../kernel/proposal-hooks.ts';

type KernelHook = (subject: unknown, ctx: unknown) => unknown;
type LevelHook = (subject: unknown, ctx: unknown, dflt: unknown) => unknown;

/** `outer` decides with the decision `inner` would have made. */
const over =
  (inner: KernelHook, outer: LevelHook): KernelHook =>
  (subject, ctx) =>
    outer(subject, ctx, inner(subject, ctx));

export interface ComposedHooks {
  readonly hooks: Hooks;
  /** Hook names some level overrides, in HOOK_NAMES order. */
  readonly overridden: readonly HookName[];
}

/** `levels` from the root (the built-in that ends the chain) to the proposal itself. */
export function composeHooks(era: Era, levels: readonly { readonly hooks?: Partial<ProposalHooks> }[]): ComposedHooks {
  const defaults = defaultHooks(era);
  const hooks: Partial<Record<HookName, KernelHook>> = {};
  const overridden: HookName[] = [];
  for (const name of HOOK_NAMES) {
    // Each hook name pairs with its own function type; TypeScript cannot see
    // that through the name-indexed loop, so the functions are erased here.
    let hook = defaults[name] as KernelHook;
    for (const level of levels) {
      const own = level.hooks?.[name] as LevelHook | undefined;
      if (own !== undefined) hook = over(hook, own);
    }
    if (hook !== defaults[name]) overridden.push(name);
    hooks[name] = hook;
  }
  return { hooks: Object.freeze(hooks) as unknown as Hooks, overridden };
}
