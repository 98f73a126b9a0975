// The run-time decision types (models/kernel/hook-decisions.ts) accept every
// decision the project's own hooks make — the era defaults, every built-in,
// arbitrary well-typed ones — and refuse what a careless proposal returns,
// saying what was expected.
import { describe, expect, it } from 'vitest';
import { ERAS } from '../../models/eras/registry.ts';
import { defaultHooks } from '../../models/kernel/default-hooks.ts';
import { HOOK_DECISIONS } from '../../models/kernel/hook-decisions.ts';
import { type HookName, type Hooks, type NonpresentEntryView, type PgmapView } from '../../models/kernel/hooks.ts';
import { resolveBuiltin } from '../../models/proposals/resolve-proposal.ts';
import { BUILTIN_NAMES } from '../../models/proposals/registry.ts';
import { FRAME_TYPES } from '../../models/vocabulary.ts';
import { chaosHooks } from '../kernel/chaos-hooks.ts';
import { folioOf } from './folio-fixture.ts';

/** Every hook of `hooks` called on every frame type, as a list of [hook, decision]. */
function decisionsOf(hooks: Hooks): [HookName, unknown][] {
  const out: [HookName, unknown][] = [];
  for (const type of FRAME_TYPES) {
    const folio = folioOf(type);
    const pgmap: PgmapView = { type: type === 'SYSTEM' ? 'PRIVATE' : type, owner: 'dev0', npages: 4 };
    const entry: NonpresentEntryView = { kind: type === 'PRIVATE' ? 'device-private' : 'device-exclusive', write: true, folio };
    out.push(
      ['page_is_devmap_managed', hooks.page_is_devmap_managed(folio)],
      ['free_zone_device_folio', hooks.free_zone_device_folio(folio)],
      ['expected_page_refs', hooks.expected_page_refs(folio)],
      ['migrate_vma_check_page', hooks.migrate_vma_check_page(folio, { isFaultPage: false })],
      ['migrate_vma_insert_page', hooks.migrate_vma_insert_page(pgmap)],
      ['folio_is_longterm_pinnable', hooks.folio_is_longterm_pinnable(folio)],
      ['gup_longterm_unpinnable', hooks.gup_longterm_unpinnable(folio)],
      ['try_grab_folio_fast', hooks.try_grab_folio_fast(folio, { write: true, pin: true, longterm: true })],
      ['get_mctgt_type', hooks.get_mctgt_type(folio, { from: 'm0', via: 'present' })],
      ['memory_failure_dev_pagemap', hooks.memory_failure_dev_pagemap(folio, pgmap)],
      ['copy_nonpresent_pte', hooks.copy_nonpresent_pte(entry)],
      ['folio_add_lru', hooks.folio_add_lru(folio)],
    );
  }
  return out;
}

const misfits = (hooks: Hooks) => decisionsOf(hooks).filter(([name, value]) => !HOOK_DECISIONS[name].fits(value));

describe('HOOK_DECISIONS', () => {
  it.each(Object.keys(ERAS))('accepts every decision of the %s defaults', (era) => {
    expect(misfits(defaultHooks(ERAS[era as keyof typeof ERAS]))).toEqual([]);
  });

  it.each(BUILTIN_NAMES)('accepts every decision of built-in %s', (name) => {
    expect(misfits(resolveBuiltin(name).hooks)).toEqual([]);
  });

  it('accepts arbitrary well-typed decisions', () => {
    for (let seed = 1; seed <= 200; seed++) expect(misfits(chaosHooks(seed))).toEqual([]);
  });

  const wrong: [HookName, unknown][] = [
    ['folio_is_longterm_pinnable', 'false'],
    ['folio_is_longterm_pinnable', 0],
    ['folio_is_longterm_pinnable', undefined],
    ['expected_page_refs', 1.5],
    ['expected_page_refs', -1],
    ['expected_page_refs', Number.NaN],
    ['expected_page_refs', '2'],
    ['migrate_vma_insert_page', 'device_private'],
    ['free_zone_device_folio', { action: 'buddy', at: 2 }],
    ['free_zone_device_folio', { action: 'buddy' }],
    ['free_zone_device_folio', 1],
    ['gup_longterm_unpinnable', { action: 'fail' }],
    ['gup_longterm_unpinnable', { action: 'fail', errno: 'EIO' }],
    ['gup_longterm_unpinnable', { action: 'migrate', erno: 'EBUSY' }],
    ['gup_longterm_unpinnable', [{ action: 'pin' }]],
    ['gup_longterm_unpinnable', null],
    ['memory_failure_dev_pagemap', { action: 'refuse', errno: 16 }],
    ['get_mctgt_type', 'MC_TARGET_PAGE'],
    ['copy_nonpresent_pte', true],
  ];
  it.each(wrong)('refuses %s returning %j', (name, value) => {
    expect(HOOK_DECISIONS[name].fits(value)).toBe(false);
  });

  it('says what it expected', () => {
    expect(HOOK_DECISIONS.folio_is_longterm_pinnable.expected).toBe('boolean');
    expect(HOOK_DECISIONS.migrate_vma_insert_page.expected).toBe("'device-private' | 'present' | 'present-devmap' | 'unsupported'");
    expect(HOOK_DECISIONS.free_zone_device_folio.expected).toBe("{ action: 'driver-free' | 'wake-idle' | 'reset-to-one' | 'buddy', at: 0 | 1 }");
    expect(HOOK_DECISIONS.gup_longterm_unpinnable.expected).toMatch(/^\{ action: 'migrate' \} \| \{ action: 'fail', errno: 'EPERM' \| .*'EHWPOISON' \} \| \{ action: 'pin' \}$/);
    expect(HOOK_DECISIONS.get_mctgt_type.expected).toBe("'NONE' | 'PAGE' | 'SWAP' | 'DEVICE'");
  });
});
