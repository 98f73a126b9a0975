// The default hooks of an era, for a built-in hook that changes one case and
// leaves the others as the era decides ("COHERENT → x, anything else as
// before"). Computed lazily, on the first call of such a hook, so that
// loading the registry does not run the kernel model's defaults, and cached
// per era object.
//
// A built-in's fallback uses the built-in's own era. A user proposal that
// extends it and overrides era facts gets those facts in every hook it does
// not inherit; an inherited hook's fallback still sees the built-in's era.
import type { Era } from '../../eras/era.ts';
import { defaultHooks } from '../../kernel/default-hooks.ts';
import type { Hooks } from '../../kernel/hooks.ts';

const cache = new WeakMap<Era, Hooks>();

export function eraDefaults(era: Era): Hooks {
  const cached = cache.get(era);
  if (cached !== undefined) return cached;
  const hooks: Hooks = defaultHooks(era);
  cache.set(era, hooks);
  return hooks;
}
