// Every old or neighbouring kernel name suggests a real hook, and no alias
// hides a hook of its own name (an alias is looked up only for unknown names).
import { describe, expect, it } from 'vitest';
import { HOOK_NAMES } from '../../models/kernel/hooks.ts';
import { HOOK_ALIASES } from '../../models/proposals/hook-aliases.ts';

describe('HOOK_ALIASES', () => {
  it.each(Object.entries(HOOK_ALIASES))('%s → %s names a hook, and is not one itself', (alias, hook) => {
    expect(HOOK_NAMES).toContain(hook);
    expect(HOOK_NAMES).not.toContain(alias);
  });
});
