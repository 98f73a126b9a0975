// The run-time decision types (models/kernel/hook-decisions.ts) accept every
// decision the project's own hooks make — the era defaults, every built-in,
// arbitrary well-typed ones — and refuse what a careless proposal returns,
// saying what was expected.
import { describe, expect, it } from 'vitest';
import { ERAS } from '../../models/eras/registry.ts';
import { defaultHooks } from '../../models/kernel/default-hooks.ts';
import { HOOK_DECISIONS } from '../../models/kernel/hook-decisions.ts';
import { NO_CTX } from '../../models/kernel/hook-views.ts';
import { type FolioView, HOOK_NAMES, type HookName, type Hooks, type NonpresentEntryView, type PgmapView } from '../../models/kernel/hooks.ts';
import { resolveBuiltin } from '../../models/proposals/resolve-proposal.ts';
import { BUILTIN_NAMES } from '../../models/proposals/registry.ts';
import { FRAME_TYPES } from '../../models/vocabulary.ts';
import { chaosHooks } from '../kernel/chaos-hooks.ts';
import { folioOf } from './folio-fixture.ts';

/** One sample call per hook (a Record over HookName: a new hook does not compile until it is here). */
const CALLS: { readonly [K in HookName]: (h: Hooks, folio: FolioView, pgmap: PgmapView, entry: NonpresentEntryView) => unknown } = {
  page_is_devmap_managed: (h, f) => h.page_is_devmap_managed(f, { site: 'release_pages' }),
  free_zone_device_folio: (h, f) => h.free_zone_device_folio(f, NO_CTX),
  free_zone_device_folio_ref: (h, _f, pg) => h.free_zone_device_folio_ref(pg, NO_CTX),
  expected_page_refs: (h, f) => h.expected_page_refs(f, NO_CTX),
  migrate_vma_check_page: (h, f) => h.migrate_vma_check_page(f, { isFaultPage: false }),
  migrate_vma_insert_page: (h, _f, pg) => h.migrate_vma_insert_page(pg, NO_CTX),
  migrate_vma_collect_pmd: (h, f) => h.migrate_vma_collect_pmd(f, { via: 'present', system: true, devicePrivate: true, deviceCoherent: true, owner: 'dev0' }),
  migrate_device_pages: (h, f, pg) => h.migrate_device_pages(f, { pgmap: pg }),
  remove_migration_pte: (h, f) => h.remove_migration_pte(f, { write: true, moved: true }),
  remove_migration_ptes: (h, f) => h.remove_migration_ptes(f, NO_CTX),
  folio_is_longterm_pinnable: (h, f) => h.folio_is_longterm_pinnable(f, NO_CTX),
  gup_longterm_unpinnable: (h, f) => h.gup_longterm_unpinnable(f, NO_CTX),
  migrate_longterm_unpinnable_folios: (h, f) => h.migrate_longterm_unpinnable_folios(f, NO_CTX),
  try_grab_folio_fast: (h, f) => h.try_grab_folio_fast(f, { write: true, pin: true, longterm: true }),
  gup_fast_pte_range: (h, f) =>
    h.gup_fast_pte_range(f, { read: { kind: 'present', pfn: f.pfn, write: true, dirty: false, protnone: false }, now: { kind: 'present', pfn: f.pfn, write: false, dirty: false, protnone: false } }),
  gup_fast: (h, f) => h.gup_fast(f, { pin: true }),
  migrate_device_finalize: (h, f) => h.migrate_device_finalize(f, NO_CTX),
  flush_tlb_range: (h, f) => h.flush_tlb_range(f, { site: 'migrate_vma_collect_pmd' }),
  do_swap_page: (h, f) => h.do_swap_page(f, NO_CTX),
  put_ref_page: (h, f) => h.put_ref_page(f, { site: 'memory_failure' }),
  get_mctgt_type: (h, f) => h.get_mctgt_type(f, { from: 'm0', via: 'present' }),
  get_dev_pagemap: (h, _f, pg) => h.get_dev_pagemap(pg, { index: 0 }),
  get_dev_pagemap_ref: (h, _f, pg) => h.get_dev_pagemap_ref(pg, NO_CTX),
  put_dev_pagemap: (h, _f, pg) => h.put_dev_pagemap(pg, { site: 'memory_failure' }),
  pgmap_pfn_valid: (h, _f, pg) => h.pgmap_pfn_valid(pg, { index: 0 }),
  memunmap_pages: (h, _f, pg) => h.memunmap_pages(pg, { inUse: 1, mapped: 0, ref: 1 }),
  memunmap_pages_kill: (h, _f, pg) => h.memunmap_pages_kill(pg, NO_CTX),
  memory_failure_dev_pagemap: (h, f, pg) => h.memory_failure_dev_pagemap(f, { pgmap: pg }),
  unmap_and_kill: (h, f) => h.unmap_and_kill(f, { mappers: 1 }),
  hmm_is_device_private_entry: (h, f) => h.hmm_is_device_private_entry(f, { owner: 'dev1' }),
  make_device_exclusive: (h, f) => h.make_device_exclusive(f, { owner: 'dev0' }),
  copy_nonpresent_pte: (h, _f, _pg, e) => h.copy_nonpresent_pte(e, NO_CTX),
  copy_present_ptes: (h, f) => h.copy_present_ptes(f, { write: true }),
  folio_needs_cow_for_dma: (h, f) => h.folio_needs_cow_for_dma(f, NO_CTX),
  wp_can_reuse_anon_folio: (h, f) => h.wp_can_reuse_anon_folio(f, NO_CTX),
  folio_add_lru: (h, f) => h.folio_add_lru(f, NO_CTX),
  folio_mark_dirty: (h, f) => h.folio_mark_dirty(f, { site: 'migrate_vma_collect_pmd' }),
  dax_layout_busy_page: (h, f) => h.dax_layout_busy_page(f, NO_CTX),
  add_page_for_migration: (h, f) => h.add_page_for_migration(f, NO_CTX),
  mapping_evict_folio: (h, f) => h.mapping_evict_folio(f, NO_CTX),
};

/** Every hook of `hooks` called on every frame type, as a list of [hook, decision]. */
function decisionsOf(hooks: Hooks): [HookName, unknown][] {
  const out: [HookName, unknown][] = [];
  for (const type of FRAME_TYPES) {
    const folio = folioOf(type);
    const pgmap: PgmapView = { type: type === 'SYSTEM' ? 'PRIVATE' : type, owner: 'dev0', npages: 4, killed: false, reserved: 0 };
    const entry: NonpresentEntryView = { kind: type === 'PRIVATE' ? 'device-private' : 'device-exclusive', write: true, folio };
    for (const name of HOOK_NAMES) out.push([name, CALLS[name](hooks, folio, pgmap, entry)]);
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
    ['put_ref_page', 'true'],
    ['copy_present_ptes', { parent: false }],
    ['copy_present_ptes', { parent: false, child: 0 }],
    ['unmap_and_kill', { unmap: 'all', kill: 'mappers' }],
    ['unmap_and_kill', { unmap: 'page' }],
    ['migrate_longterm_unpinnable_folios', 'pin-again'],
    ['memunmap_pages', 1],
    ['folio_mark_dirty', 'yes'],
    ['dax_layout_busy_page', 1],
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
