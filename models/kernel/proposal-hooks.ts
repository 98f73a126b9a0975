// A proposal's hooks: each kernel decision as (subject, ctx, dflt) =>
// decision, where `dflt` is what the proposal would get without this hook —
// the decision of the built-in it extends (its whole chain), or the era's
// default. A mutant that changes one memory type is then one line:
//   folio_add_lru: (folio, _ctx, dflt) => (folio.memoryType === 'COHERENT' ? true : dflt)
// resolveProposal (models/proposals/resolve-proposal.ts) composes them into
// the two-argument Hooks the kernel model calls.
import type { HookName, Hooks } from './hooks.ts';

export type HookSubject<K extends HookName> = Parameters<Hooks[K]>[0];
export type HookContext<K extends HookName> = Parameters<Hooks[K]>[1];
export type HookDecision<K extends HookName> = ReturnType<Hooks[K]>;

export type ProposalHook<K extends HookName> = (subject: HookSubject<K>, ctx: HookContext<K>, dflt: HookDecision<K>) => HookDecision<K>;

export type ProposalHooks = { readonly [K in HookName]: ProposalHook<K> };
