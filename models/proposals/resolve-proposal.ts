// Turns a proposal into something the kernel model can run (DESIGN §4): the
// full era and every hook. The era is the root built-in's base era with
// every level's overrides applied from the root outward; the hooks are the
// defaults of that final era (models/kernel/default-hooks.ts) composed with
// each level's hooks, also from the root outward (compose-hooks.ts): each
// level decides with the decision of the levels below it as `dflt`, so the
// proposal itself has the last word.
import type { Era } from '../eras/era.ts';
import { ERAS } from '../eras/registry.ts';
import { closestName } from './closest-name.ts';
import { composeHooks } from './compose-hooks.ts';
import type { BuiltinProposal, Proposal, ResolvedProposal } from './proposal.ts';
import { ProposalError } from './proposal-error.ts';
import { BUILTIN_NAMES, builtinProposal } from './registry.ts';

type Level = Proposal | BuiltinProposal;

const isBuiltin = (p: Level): p is BuiltinProposal => 'baseEra' in p && typeof p.baseEra === 'string';

/**
 * `where` names the proposal's file in errors; by default the proposal's
 * name. Throws ProposalError for an `extends` that names no built-in (with
 * the list and the closest name) or a cycle.
 */
export function resolveProposal(p: Proposal | BuiltinProposal, where = `proposal '${p.name}'`): ResolvedProposal {
  const levels: Level[] = [p];
  let current: Level = p;
  while (current.extends !== null) {
    const parent = builtinProposal(current.extends);
    if (parent === undefined) {
      const best = closestName(current.extends, BUILTIN_NAMES);
      const field = current === p ? 'extends' : `extends (via built-in '${current.name}')`;
      throw new ProposalError(where, field, `unknown built-in proposal '${current.extends}'${best === undefined ? '' : ` — did you mean '${best}'?`}` + ` (built-ins: ${BUILTIN_NAMES.join(', ')})`);
    }
    if (levels.includes(parent)) {
      throw new ProposalError(where, 'extends', `cycle: ${[...levels, parent].map((l) => l.name).join(' → ')}`);
    }
    levels.push(parent);
    current = parent;
  }
  if (!isBuiltin(current)) {
    // Only a built-in may end a chain (`extends: null`): it carries the base era.
    throw new ProposalError(where, 'extends', `must name a built-in proposal (built-ins: ${BUILTIN_NAMES.join(', ')})`);
  }

  const fromRoot = [...levels].reverse();
  let era: Era = ERAS[current.baseEra];
  for (const level of fromRoot) {
    if (level.era !== undefined) era = { ...era, ...level.era, name: era.name };
  }

  const { hooks, overridden } = composeHooks(era, fromRoot);

  return {
    name: p.name,
    title: p.title,
    source: p.source,
    era,
    hooks,
    chain: levels.map((l) => l.name),
    overridden,
  };
}

/** A built-in by name, resolved; ProposalError (with the closest name) when there is none. */
export function resolveBuiltin(name: string): ResolvedProposal {
  const builtin = builtinProposal(name);
  if (builtin === undefined) {
    const best = closestName(name, BUILTIN_NAMES);
    throw new ProposalError(`built-in '${name}'`, 'name', `unknown built-in proposal '${name}'${best === undefined ? '' : ` — did you mean '${best}'?`}` + ` (built-ins: ${BUILTIN_NAMES.join(', ')})`);
  }
  return resolveProposal(builtin);
}
