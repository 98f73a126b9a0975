// A mutant is a seeded fault (DESIGN §1, `zdspec mutate`): a proposal that
// extends the built-in of the era a bug lived in and changes one decision,
// the way a real patch got it wrong. The invariants must catch every one;
// the kill matrix says which does, how fast and in how many steps.
import type { HookName } from '../kernel/hooks.ts';
import type { Proposal } from '../proposals/proposal.ts';
import type { Focus } from '../focus.ts';
import type { FrameType } from '../vocabulary.ts';

export type MutantKind =
  /** A real bug of ../shared/design/BUGS.md, restated. */
  | 'bug'
  /** One per hook: the hook's decision changed the harmful way. */
  | 'hook'
  /** The seeds' bug class: one memory type forgotten in one switch (a per-type table row × decision). */
  | 'table';

export interface Mutant {
  /** Unique, kebab-case; `zdspec check mutant:<id>` runs it. */
  readonly id: string;
  readonly kind: MutantKind;
  /** The BUGS.md entry it restates. */
  readonly bug?: string;
  /** The per-type table row × decision it gets wrong. */
  readonly table?: { readonly type: FrameType; readonly decision: string };
  /** The faulty rule, in one sentence. */
  readonly fault: string;
  /** Extends the built-in of the bug's era; its hooks change one decision (dflt gives the rest). */
  readonly proposal: Proposal & { readonly hooks: NonNullable<Proposal['hooks']> };
  /** Within this budget some check must catch it (the test suite holds it to that). */
  readonly budget: { readonly runs: number; readonly maxCommands: number };
  /** Where the search looks hardest: the operations and memory types the fault is about. */
  readonly focus?: Focus;
}

/** The hooks a mutant changes. */
export const mutantHooks = (m: Mutant): HookName[] => Object.keys(m.proposal.hooks) as HookName[];

/** Helps type a mutant file: the proposal's name is derived from the id. */
export function mutant(m: Omit<Mutant, 'proposal'> & { readonly proposal: Omit<Mutant['proposal'], 'name' | 'title' | 'source'> }): Mutant {
  return { ...m, proposal: { name: `mutant:${m.id}`, title: m.fault, source: m.bug ? `../shared/design/BUGS.md ${m.bug}` : `models/mutants/${m.id}.ts`, ...m.proposal } };
}
