// Checks a proposal module's default export before anything runs it
// (DESIGN §4, §9). A proposal is a plain object written outside this
// repository, so nothing but this function stands between a typo and a
// silently ignored hook: every unknown name is an error with a suggestion.
// `extends` is only checked to be a string here; resolveProposal checks that
// it names a built-in.
import { HOOK_NAMES } from '../kernel/hooks.ts';
import type { Proposal } from './proposal.ts';
import { closestName } from './closest-name.ts';
import { describeValue } from './describe-value.ts';
import { ERA_FIELD_CHECKS } from './era-field-checks.ts';
import { HOOK_ALIASES } from './hook-aliases.ts';
import { ProposalError } from './proposal-error.ts';

const STRING_FIELDS = ['name', 'title', 'source', 'extends'] as const;
const TOP_LEVEL_FIELDS: readonly string[] = [...STRING_FIELDS, 'era', 'hooks'];
const ERA_FIELDS = Object.keys(ERA_FIELD_CHECKS);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const didYouMean = (name: string, candidates: readonly string[]): string => {
  const best = closestName(name, candidates);
  return best === undefined ? '' : ` — did you mean '${best}'?`;
};

/**
 * `value` as a Proposal, or a ProposalError naming `where` (the file) and the
 * field. The returned object is `value` itself: hooks keep their identity.
 */
export function validateProposal(value: unknown, where: string): Proposal {
  if (!isPlainObject(value)) {
    throw new ProposalError(where, '(root)', `a proposal must be an object ({name, title, source, extends, era?, hooks?}) as the module's default export, got ${describeValue(value)}`);
  }
  for (const key of Object.keys(value)) {
    if (!TOP_LEVEL_FIELDS.includes(key)) {
      throw new ProposalError(where, key, `unknown field '${key}'${didYouMean(key, TOP_LEVEL_FIELDS)} (valid fields: ${TOP_LEVEL_FIELDS.join(', ')})`);
    }
  }
  for (const field of STRING_FIELDS) {
    const v = value[field];
    if (v === undefined) throw new ProposalError(where, field, `missing: a proposal needs a string '${field}'`);
    if (typeof v !== 'string') throw new ProposalError(where, field, `must be a string, got ${describeValue(v)}`);
    if (v.trim() === '') throw new ProposalError(where, field, 'must not be empty');
  }
  if (value.era !== undefined) validateEra(value.era, where);
  if (value.hooks !== undefined) validateHooks(value.hooks, where);
  return value as unknown as Proposal;
}

function validateEra(era: unknown, where: string): void {
  if (!isPlainObject(era)) {
    throw new ProposalError(where, 'era', `must be an object of era overrides, got ${describeValue(era)}`);
  }
  for (const [key, v] of Object.entries(era)) {
    if (key === 'name') {
      throw new ProposalError(where, 'era.name', "cannot be overridden: the era is the one of the built-in proposal named in 'extends'");
    }
    const check = (ERA_FIELD_CHECKS as Record<string, ((x: unknown) => string | null) | undefined>)[key];
    if (check === undefined) {
      throw new ProposalError(where, `era.${key}`, `unknown era field '${key}'${didYouMean(key, ERA_FIELDS)} (valid era fields: ${ERA_FIELDS.join(', ')})`);
    }
    const expected = check(v);
    if (expected !== null) throw new ProposalError(where, `era.${key}`, `must be ${expected}, got ${describeValue(v)}`);
  }
}

function validateHooks(hooks: unknown, where: string): void {
  if (!isPlainObject(hooks)) {
    throw new ProposalError(where, 'hooks', `must be an object mapping hook names to functions, got ${describeValue(hooks)}`);
  }
  for (const [key, v] of Object.entries(hooks)) {
    if (!(HOOK_NAMES as readonly string[]).includes(key)) {
      const alias = Object.hasOwn(HOOK_ALIASES, key) ? HOOK_ALIASES[key] : undefined;
      const best = closestName(key, HOOK_NAMES);
      throw new ProposalError(
        where,
        `hooks.${key}`,
        alias !== undefined
          ? `unknown hook '${key}' — did you mean '${alias}'? (hooks are named after the current kernel function)`
          : best === undefined
            ? `unknown hook '${key}' (hooks: ${HOOK_NAMES.join(', ')})`
            : `unknown hook '${key}' — did you mean '${best}'?`,
      );
    }
    if (typeof v !== 'function') {
      throw new ProposalError(where, `hooks.${key}`, `hook '${key}' must be a function, got ${describeValue(v)}`);
    }
    // Every hook is called (subject, ctx, dflt): a fourth parameter would
    // never be passed, so it is a hook written for some other shape.
    if (v.length > 3) {
      throw new ProposalError(
        where,
        `hooks.${key}`,
        `hook '${key}' declares ${v.length} parameters; hooks are called (subject, ctx, dflt): the view the decision is about, an object with the rest, and the decision without this hook`,
      );
    }
  }
}
