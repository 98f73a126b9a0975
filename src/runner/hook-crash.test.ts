// guardHooks: the proposal's own hooks have their results checked against
// their decision types; a wrong one, a Promise, or a throw while the result
// is read is a fault of the hook, named with the value and the expected type.
import { afterEach, describe, expect, it } from 'vitest';
import { ERAS } from '../../models/eras/registry.ts';
import { defaultHooks } from '../../models/kernel/default-hooks.ts';
import { NO_CTX } from '../../models/kernel/hook-views.ts';
import type { Hooks } from '../../models/kernel/hooks.ts';
import { resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { folioOf } from '../../properties/proposals/folio-fixture.ts';
import { ProposalEscape } from '../proposals/process-guard.ts';
import { HookBadReturn } from './hook-bad-return.ts';
import { HookCrash, guardHooks } from './hook-crash.ts';

const base = defaultHooks(ERAS.upstream);
const folio = folioOf('COHERENT');
const withHook = (hooks: Partial<Hooks>): Hooks => ({ ...base, ...hooks }) as Hooks;
const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
};

describe('guardHooks', () => {
  it('checks the listed hooks only', () => {
    const hooks = withHook({ folio_is_longterm_pinnable: (() => 'false') as never });
    expect(guardHooks(hooks).folio_is_longterm_pinnable(folio, NO_CTX)).toBe('false');
    const e = thrown(() => guardHooks(hooks, ['folio_is_longterm_pinnable']).folio_is_longterm_pinnable(folio, NO_CTX));
    expect(e).toBeInstanceOf(HookBadReturn);
    expect((e as Error).message).toBe('hook folio_is_longterm_pinnable returned "false", expected boolean');
  });

  it('passes a fitting decision through unchanged', () => {
    const decision = { action: 'fail', errno: 'EBUSY' } as const;
    const hooks = guardHooks(withHook({ gup_longterm_unpinnable: () => decision }), ['gup_longterm_unpinnable']);
    expect(hooks.gup_longterm_unpinnable(folio, NO_CTX)).toBe(decision);
  });

  it('names the value shortly and the expected type', () => {
    const big = { action: 'fail', errno: 'EBUSY', reason: 'x'.repeat(100) };
    const hooks = guardHooks(withHook({ gup_longterm_unpinnable: () => big as never, expected_page_refs: () => undefined as never }), ['gup_longterm_unpinnable', 'expected_page_refs']);
    const message = (thrown(() => hooks.gup_longterm_unpinnable(folio, NO_CTX)) as Error).message;
    expect(message).toContain(`returned ${JSON.stringify(big).slice(0, 57)}..., expected { action: 'migrate' } | { action: 'fail', errno: 'EPERM'`);
    expect((thrown(() => hooks.expected_page_refs(folio, NO_CTX)) as Error).message).toBe('hook expected_page_refs returned undefined, expected a non-negative integer (a reference count)');
  });

  describe('an async hook', () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => void rejections.push(reason);
    afterEach(() => void process.off('unhandledRejection', onRejection));

    it('is a bad return, and its rejection is handled', async () => {
      process.on('unhandledRejection', onRejection);
      const hooks = guardHooks(
        withHook({
          folio_is_longterm_pinnable: (async () => {
            throw new Error('boom');
          }) as never,
        }),
        ['folio_is_longterm_pinnable'],
      );
      const e = thrown(() => hooks.folio_is_longterm_pinnable(folio, NO_CTX));
      expect((e as Error).message).toBe("hook folio_is_longterm_pinnable returned a Promise: hooks are synchronous (an async function's result is never awaited)");
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(rejections).toEqual([]);
    });
  });

  it('counts a throw while the result is read as the hook throwing', () => {
    const sneaky = Object.defineProperty({}, 'action', {
      enumerable: true,
      get: () => {
        throw new Error('getter');
      },
    });
    const hooks = guardHooks(withHook({ gup_longterm_unpinnable: () => sneaky as never }), ['gup_longterm_unpinnable']);
    const e = thrown(() => hooks.gup_longterm_unpinnable(folio, NO_CTX));
    expect(e).toBeInstanceOf(HookCrash);
    expect((e as Error).message).toBe('hook gup_longterm_unpinnable threw: getter');
  });

  it('says which call a hook that tried to end the process made', () => {
    const hooks = guardHooks(
      withHook({
        folio_add_lru: () => {
          throw new ProposalEscape('process.exit(0)');
        },
      }),
    );
    expect((thrown(() => hooks.folio_add_lru(folio, NO_CTX)) as Error).message).toBe('hook folio_add_lru called process.exit(0): a proposal cannot end the process');
  });

  it("checks a composed hook's final decision: a proposal's garbage is caught, the built-in's dflt below it is not the culprit", () => {
    const seen: unknown[] = [];
    const r = resolveProposal({
      name: 'garbage-over-dflt',
      title: 't',
      source: 's',
      extends: 'cdm-numa-rfc',
      hooks: {
        folio_add_lru: ((_f: unknown, _c: unknown, dflt: unknown) => {
          seen.push(dflt);
          return 'yes';
        }) as never,
      },
    });
    const hooks = guardHooks(r.hooks, r.overridden);
    const e = thrown(() => hooks.folio_add_lru(folio, NO_CTX));
    expect(e).toBeInstanceOf(HookBadReturn);
    expect((e as Error).message).toBe('hook folio_add_lru returned "yes", expected boolean');
    // cdm-numa-rfc's own folio_add_lru (COHERENT → true) was asked first and handed its decision up.
    expect(seen).toEqual([true]);
  });
});
