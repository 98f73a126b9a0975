// DESIGN §9: a bad proposal is a clear error naming the file and the field.
import { describe, expect, it } from 'vitest';
import { ProposalError } from '../../models/proposals/proposal-error.ts';
import { validateProposal } from '../../models/proposals/validate-proposal.ts';

const FILE = 'proposals/my-series-v2.ts';

const good = () => ({
  name: 'my-series-v2',
  title: 'mm: my series (v2)',
  source: 'https://lore.kernel.org/…',
  extends: 'upstream',
  era: { chargeMoving: true, mctgtDevice: ['PRIVATE'] },
  hooks: { folio_is_longterm_pinnable: () => true },
});

/** The ProposalError `value` raises, checked to name FILE and `field`. */
function errorOf(value: unknown, field: string): ProposalError {
  try {
    validateProposal(value, FILE);
  } catch (e) {
    expect(e).toBeInstanceOf(ProposalError);
    const err = e as ProposalError;
    expect(err.file).toBe(FILE);
    expect(err.field).toBe(field);
    expect(err.message).toContain(FILE);
    expect(err.message).toContain(field);
    return err;
  }
  throw new Error(`no ProposalError for field ${field}`);
}

describe('validateProposal', () => {
  it('accepts a well-formed proposal and returns the same object', () => {
    const p = good();
    expect(validateProposal(p, FILE)).toBe(p);
    expect(validateProposal({ ...good(), era: undefined, hooks: undefined }, FILE).name).toBe('my-series-v2');
  });

  it.each([null, undefined, 42, 'upstream', [good()], () => good()])('rejects a non-object: %s', (value) => {
    expect(errorOf(value, '(root)').detail).toMatch(/must be an object/);
  });

  it.each(['name', 'title', 'source', 'extends'])('rejects a missing %s', (field) => {
    const p: Record<string, unknown> = good();
    delete p[field];
    expect(errorOf(p, field).detail).toMatch(/missing/);
  });

  it.each(['name', 'title', 'source', 'extends'])('rejects a non-string %s', (field) => {
    expect(errorOf({ ...good(), [field]: 3 }, field).detail).toMatch(/must be a string, got number 3/);
  });

  it('rejects an empty name', () => {
    expect(errorOf({ ...good(), name: ' ' }, 'name').detail).toMatch(/empty/);
  });

  it('rejects an unknown top-level field, suggesting the closest', () => {
    expect(errorOf({ ...good(), hook: {} }, 'hook').detail).toContain("did you mean 'hooks'?");
  });

  it.each([[[]], [null], ['v6.1'], [1]])('rejects an era that is not an object: %j', (era) => {
    expect(errorOf({ ...good(), era }, 'era').detail).toMatch(/must be an object/);
  });

  it('rejects an unknown era field, suggesting the closest and listing the valid ones', () => {
    const err = errorOf({ ...good(), era: { chargeMoveing: true } }, 'era.chargeMoveing');
    expect(err.detail).toContain("did you mean 'chargeMoving'?");
    expect(err.detail).toContain('valid era fields: title, enumValues, deviceRefcount');
    expect(err.detail).toContain('p2pdmaUserMap');
  });

  it('rejects an override of the era name', () => {
    errorOf({ ...good(), era: { name: 'v6.1' } }, 'era.name');
  });

  it.each([
    ['chargeMoving', 'yes', /a boolean, got string 'yes'/],
    ['deviceRefcount', 'zero', /one of 'extra-ref', 'reset-to-one', 'zero-idle'/],
    ['longtermCoherent', 'migrate-later', /one of 'pin', 'fail', 'migrate', 'migrate-or-fail'/],
    ['longtermCoherentErrno', 'EWHATEVER', /one of 'EPERM'/],
    ['mctgtDevice', ['PRIVATE', 'DEVICE_PUBLIC'], /an array of memory types/],
    ['enumValues', { PRIVATE: 1, COHERENT: -2 }, /non-negative integers/],
    ['enumValues', { PRIVATE: 1, SYSTEM: 0 }, /non-negative integers/],
    ['citations', 'seed 000', /an array of strings/],
  ])('rejects era.%s of the wrong type', (field, value, message) => {
    expect(errorOf({ ...good(), era: { [field]: value } }, `era.${field}`).detail).toMatch(message);
  });

  it.each([[[]], [null], ['folio_add_lru'], [() => true]])('rejects hooks that are not an object: %s', (hooks) => {
    expect(errorOf({ ...good(), hooks }, 'hooks').detail).toMatch(/must be an object/);
  });

  it('rejects an unknown hook, suggesting the closest hook name', () => {
    const err = errorOf({ ...good(), hooks: { folio_is_longterm_pinable: () => true } }, 'hooks.folio_is_longterm_pinable');
    expect(err.detail).toBe("unknown hook 'folio_is_longterm_pinable' — did you mean 'folio_is_longterm_pinnable'?");
  });

  it.each([
    ['is_pinnable_page', "did you mean 'folio_is_longterm_pinnable'?"],
    ['get_mctgt', "did you mean 'get_mctgt_type'?"],
    ['free_zone_device_page', "did you mean 'free_zone_device_folio'?"],
    ['check_and_migrate_movable_pages', "did you mean 'gup_longterm_unpinnable'?"],
    ['folio_add_lrU', "did you mean 'folio_add_lru'?"],
    ['page_make_device_exclusive_one', "did you mean 'make_device_exclusive'?"],
    ['collect_procs', "did you mean 'unmap_and_kill'?"],
    ['copy_present_page', "did you mean 'folio_needs_cow_for_dma'?"],
  ])('suggests a hook for %s', (name, hint) => {
    expect(errorOf({ ...good(), hooks: { [name]: () => true } }, `hooks.${name}`).detail).toContain(hint);
  });

  it('lists every hook when nothing is close', () => {
    const err = errorOf({ ...good(), hooks: { x: () => true } }, 'hooks.x');
    expect(err.detail).toContain('page_is_devmap_managed');
    expect(err.detail).toContain('folio_add_lru');
  });

  it.each([[true], ['() => true'], [{ call: () => true }], [null]])('rejects a hook that is not a function: %s', (hook) => {
    const err = errorOf({ ...good(), hooks: { folio_add_lru: hook } }, 'hooks.folio_add_lru');
    expect(err.detail).toMatch(/^hook 'folio_add_lru' must be a function, got /);
  });

  it('accepts hooks of up to three parameters (subject, ctx, dflt)', () => {
    const hooks = { folio_add_lru: (_f: unknown, _c: unknown, dflt: boolean) => dflt, put_ref_page: () => true };
    expect(validateProposal({ ...good(), hooks }, FILE).hooks).toBe(hooks);
  });

  it('rejects a hook that declares a fourth parameter: it would never be passed', () => {
    const err = errorOf({ ...good(), hooks: { get_mctgt_type: (_f: unknown, _c: unknown, _d: unknown, _extra: unknown) => 'NONE' } }, 'hooks.get_mctgt_type');
    expect(err.detail).toMatch(/declares 4 parameters; hooks are called \(subject, ctx, dflt\)/);
  });
});
