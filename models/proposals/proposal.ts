// A proposal is a design under review (DESIGN §4): a plain object, so a file
// outside this repository needs no import of zdspec. `defineProposal` only
// adds typing.
import type { Era, EraName } from '../eras/era.ts';
import type { Hooks } from '../kernel/hooks.ts';
import type { ProposalHooks } from '../kernel/proposal-hooks.ts';
import type { InvariantId } from '../invariants/invariant.ts';

/** Declarative era overrides: any era fact except its name. */
export type EraOverrides = Partial<Omit<Era, 'name'>>;

export interface Proposal {
  readonly name: string;
  readonly title: string;
  /** Lore link, commit, or seed file it comes from. */
  readonly source: string;
  /** The built-in proposal it starts from. */
  readonly extends: string;
  readonly era?: EraOverrides;
  /** Kernel decisions it changes: (subject, ctx, dflt) => decision, dflt what it would get without the hook. */
  readonly hooks?: Partial<ProposalHooks>;
}

export type Verdict = 'holds' | 'violated';

/**
 * A built-in proposal: a litmus-test-like header (title, source, what it
 * changes) and its expected verdict per invariant. Only the verdict-table
 * test reads `expected`; the checker never does.
 */
export interface BuiltinProposal {
  readonly name: string;
  readonly title: string;
  readonly source: string;
  /** Another built-in it extends, or null for an era's own kernel. */
  readonly extends: string | null;
  /** The era it runs in (before `era` overrides). */
  readonly baseEra: EraName;
  readonly era?: EraOverrides;
  readonly hooks?: Partial<ProposalHooks>;
  /** One paragraph: what it changes. */
  readonly summary: string;
  readonly expected: Readonly<Record<InvariantId, Verdict>>;
  /** Why each 'violated' verdict is expected (the review's argument). */
  readonly why?: Readonly<Partial<Record<InvariantId, string>>>;
  /**
   * The refinement check's expected verdict (default 'holds'): 'violated'
   * for a design the specification cannot express as an era (its kernel
   * model does what no era allows), with the reason.
   */
  readonly refinement?: { readonly verdict: Verdict; readonly why: string };
}

/** A proposal ready to run: its full era and a complete set of hooks. */
export interface ResolvedProposal {
  readonly name: string;
  readonly title: string;
  readonly source: string;
  readonly era: Era;
  /** Every hook, composed: each level's hook over the decision of the levels below it, the era's default at the root. */
  readonly hooks: Hooks;
  /** The extends chain, this proposal first. */
  readonly chain: readonly string[];
  /** Hook names this proposal (or a built-in it extends) overrides. */
  readonly overridden: readonly (keyof Hooks)[];
}

export function defineProposal<P extends Proposal>(proposal: P): P {
  return proposal;
}
