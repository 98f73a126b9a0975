// Resolution: a built-in chain ends in an era; era overrides apply from the
// root outward; hooks are the final era's defaults overlaid by each level.
import { describe, expect, it } from 'vitest';
import { ERAS } from '../../models/eras/registry.ts';
import { defaultHooks } from '../../models/kernel/default-hooks.ts';
import { HOOK_NAMES, type HookName } from '../../models/kernel/hooks.ts';
import type { Proposal } from '../../models/proposals/proposal.ts';
import { ProposalError } from '../../models/proposals/proposal-error.ts';
import { BUILTIN_PROPOSALS, builtinProposal } from '../../models/proposals/registry.ts';
import { composeHooks } from '../../models/proposals/compose-hooks.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { folioOf } from './folio-fixture.ts';
import { NO_CTX } from '../../models/kernel/hook-views.ts';
import type { PgmapView } from '../../models/kernel/hooks.ts';

const COHERENT_PGMAP: PgmapView = { type: 'COHERENT', owner: 'dev0', npages: 4, killed: false, reserved: 0 };

const user = (overrides: Partial<Proposal> = {}): Proposal => ({
  name: 'my-series-v2',
  title: 'mm: my series (v2)',
  source: 'test',
  extends: 'upstream',
  ...overrides,
});

describe('resolveProposal on the built-ins', () => {
  it.each(BUILTIN_PROPOSALS.map((p) => [p.name, p] as const))('%s resolves to a full era and all hooks', (name, p) => {
    const r = resolveProposal(p);
    expect(r.name).toBe(name);
    expect(r.era.name).toBe(p.baseEra);
    for (const hook of HOOK_NAMES) expect(typeof r.hooks[hook]).toBe('function');
    expect(r.chain[0]).toBe(name);
    // overridden = every hook named by a level of the chain, in HOOK_NAMES order.
    const named = new Set<HookName>();
    for (const level of r.chain) for (const k of Object.keys(builtinProposal(level)?.hooks ?? {})) named.add(k as HookName);
    expect(r.overridden).toEqual(HOOK_NAMES.filter((h) => named.has(h)));
    expect(resolveBuiltin(name).chain).toEqual(r.chain);
  });

  it('the merged kernels override nothing', () => {
    for (const name of ['hmm-v4.14', 'devmap-v5.x', 'v6.0', 'v6.1', 'v6.2', 'upstream']) {
      const r = resolveBuiltin(name);
      expect(r.overridden).toEqual([]);
      expect(r.chain).toEqual([name]);
      expect(r.era).toEqual(ERAS[r.era.name]);
    }
  });

  it('coherent-v1 adds COHERENT to v5.x and lets a pinned coherent page be pinned long-term and pass migrate_vma_check_page', () => {
    const r = resolveBuiltin('coherent-v1');
    expect(r.era.enumValues).toEqual({ PRIVATE: 1, COHERENT: 2, FS_DAX: 3, GENERIC: 4, PCI_P2PDMA: 5 });
    expect(r.era.mctgtDevice).toEqual(['PRIVATE', 'COHERENT']);
    expect(r.era.longtermCoherent).toBe('pin');
    expect(r.era.migrateCheck).toBe('device-always');
    const pinned = folioOf('COHERENT', { refcount: 2 + 1024, pincount: 1 });
    expect(r.hooks.folio_is_longterm_pinnable(pinned, NO_CTX)).toBe(true);
    expect(r.hooks.migrate_vma_check_page(pinned, { isFaultPage: false })).toBe(true);
    expect(r.hooks.migrate_vma_check_page(folioOf('FS_DAX'), { isFaultPage: false })).toBe(false);
  });

  it("coherent-v1's is_device_page() decisions come from the era with COHERENT added", () => {
    const r = resolveBuiltin('coherent-v1');
    const c = folioOf('COHERENT', { refcount: 2 });
    // page_is_devmap_managed and free_devmap_managed_page: freed to the driver at 1.
    expect(r.hooks.page_is_devmap_managed(c, { site: 'put_page' })).toBe(true);
    expect(r.hooks.free_zone_device_folio(c, NO_CTX)).toEqual({ action: 'driver-free', at: 1 });
    // expected_page_refs: `expected_count += is_device_page(page)`.
    expect(r.hooks.expected_page_refs(c, NO_CTX)).toBe(r.hooks.expected_page_refs(folioOf('SYSTEM'), NO_CTX) + 1);
    expect(r.hooks.get_mctgt_type(c, { from: 'm0', via: 'present' })).toBe('DEVICE');
    expect(r.hooks.migrate_vma_insert_page(COHERENT_PGMAP, NO_CTX)).toBe('present');
    expect(r.hooks.memory_failure_dev_pagemap(c, { pgmap: COHERENT_PGMAP })).toEqual({
      action: 'refuse',
      errno: 'EBUSY',
    });
  });

  it('coherent-v4 extends coherent-v1: era overrides stack, FOLL_LONGTERM on COHERENT fails with EFAULT', () => {
    const r = resolveBuiltin('coherent-v4');
    expect(r.chain).toEqual(['coherent-v4', 'coherent-v1']);
    expect(r.era.name).toBe('v5.x');
    expect(r.era.enumValues).toEqual({ PRIVATE: 1, COHERENT: 2, FS_DAX: 3, GENERIC: 4, PCI_P2PDMA: 5 });
    expect(r.era.longtermCoherent).toBe('fail');
    expect(r.era.longtermCoherentErrno).toBe('EFAULT');
    expect(r.overridden).toEqual(['folio_is_longterm_pinnable', 'gup_longterm_unpinnable']);
    const coherent = folioOf('COHERENT');
    expect(r.hooks.folio_is_longterm_pinnable(coherent, NO_CTX)).toBe(false);
    expect(r.hooks.folio_is_longterm_pinnable(folioOf('SYSTEM'), NO_CTX)).toBe(true);
    expect(r.hooks.gup_longterm_unpinnable(coherent, NO_CTX)).toEqual({ action: 'fail', errno: 'EFAULT' });
  });

  it('cdm-numa-rfc treats COHERENT as ordinary node memory', () => {
    const r = resolveBuiltin('cdm-numa-rfc');
    expect(r.era.chargeMoving).toBe(true);
    expect(r.era.mctgtDevice).toEqual(ERAS.upstream.mctgtDevice);
    const c = folioOf('COHERENT');
    expect(r.hooks.page_is_devmap_managed(c, { site: 'put_page' })).toBe(false);
    expect(r.hooks.free_zone_device_folio(c, NO_CTX)).toEqual({ action: 'buddy', at: 0 });
    expect(r.hooks.folio_add_lru(c, NO_CTX)).toBe(true);
    expect(r.hooks.folio_is_longterm_pinnable(c, NO_CTX)).toBe(true);
    expect(r.hooks.get_mctgt_type(c, { from: 'm0', via: 'present' })).not.toBe('DEVICE');
    expect(r.hooks.memory_failure_dev_pagemap(c, { pgmap: COHERENT_PGMAP })).toEqual({
      action: 'poison-and-kill',
    });
    // Other types keep the upstream decisions.
    const p = folioOf('PRIVATE');
    const d = defaultHooks(r.era);
    expect(r.hooks.free_zone_device_folio(p, NO_CTX)).toEqual(d.free_zone_device_folio(p, NO_CTX));
    expect(r.hooks.folio_add_lru(p, NO_CTX)).toBe(false);
    expect(r.hooks.get_mctgt_type(p, { from: 'm0', via: 'device-private' })).toEqual(d.get_mctgt_type(p, { from: 'm0', via: 'device-private' }));
  });
});

describe('resolveProposal on a user proposal', () => {
  it('extending upstream and overriding one hook: the override is used and listed', () => {
    const pinnable = () => true;
    const r = resolveProposal(user({ hooks: { folio_is_longterm_pinnable: pinnable } }));
    expect(r.name).toBe('my-series-v2');
    expect(r.chain).toEqual(['my-series-v2', 'upstream']);
    expect(r.overridden).toEqual(['folio_is_longterm_pinnable']);
    // Upstream refuses a coherent page; the proposal's hook decides instead.
    expect(r.hooks.folio_is_longterm_pinnable(folioOf('COHERENT'), NO_CTX)).toBe(true);
    expect(r.era).toEqual(ERAS.upstream);
    // Everything else decides as upstream's defaults do.
    const d = defaultHooks(ERAS.upstream);
    for (const f of [folioOf('SYSTEM'), folioOf('COHERENT'), folioOf('PRIVATE')]) {
      expect(r.hooks.folio_add_lru(f, NO_CTX)).toBe(d.folio_add_lru(f, NO_CTX));
      expect(r.hooks.page_is_devmap_managed(f, { site: 'put_page' })).toBe(d.page_is_devmap_managed(f, { site: 'put_page' }));
      expect(r.hooks.free_zone_device_folio(f, NO_CTX)).toEqual(d.free_zone_device_folio(f, NO_CTX));
    }
  });

  it('applies era overrides on top of the chain and keeps the era name', () => {
    const r = resolveProposal(user({ extends: 'coherent-v4', era: { longtermCoherentErrno: 'EBUSY', chargeMoving: false } }));
    expect(r.chain).toEqual(['my-series-v2', 'coherent-v4', 'coherent-v1']);
    expect(r.era.name).toBe('v5.x');
    expect(r.era.longtermCoherent).toBe('fail');
    expect(r.era.longtermCoherentErrno).toBe('EBUSY');
    expect(r.era.chargeMoving).toBe(false);
    expect(r.era.mctgtDevice).toEqual(['PRIVATE', 'COHERENT']);
  });

  it('a user hook wins over an inherited built-in hook', () => {
    const migrateIt = () => ({ action: 'migrate' }) as const;
    const r = resolveProposal(user({ extends: 'coherent-v4', hooks: { gup_longterm_unpinnable: migrateIt } }));
    expect(r.hooks.gup_longterm_unpinnable(folioOf('COHERENT'), NO_CTX)).toEqual({ action: 'migrate' });
    expect(r.overridden).toContain('gup_longterm_unpinnable');
    expect(r.overridden).toContain('folio_is_longterm_pinnable');
  });

  it('a one-type mutant is one line: every other type gets the default as dflt', () => {
    const r = resolveProposal(user({ hooks: { folio_add_lru: (folio, _ctx, dflt) => (folio.memoryType === 'COHERENT' ? true : dflt) } }));
    const d = defaultHooks(ERAS.upstream);
    expect(r.hooks.folio_add_lru(folioOf('COHERENT'), NO_CTX)).toBe(true);
    for (const type of ['SYSTEM', 'PRIVATE', 'FS_DAX'] as const) {
      expect(r.hooks.folio_add_lru(folioOf(type), NO_CTX)).toBe(d.folio_add_lru(folioOf(type), NO_CTX));
    }
  });

  it("a level's dflt is what the built-in chain below it decides, not the era default", () => {
    const seen: boolean[] = [];
    const r = resolveProposal(
      user({
        extends: 'coherent-v4',
        hooks: {
          folio_is_longterm_pinnable: (_f, _c, dflt) => {
            seen.push(dflt);
            return dflt;
          },
        },
      }),
    );
    r.hooks.folio_is_longterm_pinnable(folioOf('COHERENT'), NO_CTX);
    r.hooks.folio_is_longterm_pinnable(folioOf('PUBLIC'), NO_CTX);
    // coherent-v4 refuses COHERENT; for PUBLIC it hands up coherent-v1's `true`
    // (the era default alone would say false).
    expect(seen).toEqual([false, true]);
    expect(defaultHooks(r.era).folio_is_longterm_pinnable(folioOf('PUBLIC'), NO_CTX)).toBe(false);
  });

  it('composes level by level, asking each level and the default once per call', () => {
    const calls: string[] = [];
    const level = (tag: string) => ({
      hooks: {
        expected_page_refs: (_f: unknown, _c: unknown, dflt: number) => {
          calls.push(tag);
          return dflt + 1;
        },
      },
    });
    const { hooks, overridden } = composeHooks(ERAS.upstream, [level('root'), level('proposal')]);
    const base = defaultHooks(ERAS.upstream).expected_page_refs(folioOf('SYSTEM'), NO_CTX);
    expect(hooks.expected_page_refs(folioOf('SYSTEM'), NO_CTX)).toBe(base + 2);
    expect(calls).toEqual(['root', 'proposal']);
    expect(overridden).toEqual(['expected_page_refs']);
  });

  it('an unknown extends lists the built-ins and suggests the closest', () => {
    let err: unknown;
    try {
      resolveProposal(user({ extends: 'upstrem' }), 'proposals/mine.ts');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ProposalError);
    const pe = err as ProposalError;
    expect(pe.file).toBe('proposals/mine.ts');
    expect(pe.field).toBe('extends');
    expect(pe.message).toContain('proposals/mine.ts: extends:');
    expect(pe.message).toContain("did you mean 'upstream'?");
    expect(pe.message).toContain('hmm-v4.14, devmap-v5.x, coherent-v1, coherent-v4, v6.0, v6.1, v6.2, upstream, cdm-numa-rfc');
  });

  it('without a file, errors name the proposal', () => {
    expect(() => resolveProposal(user({ extends: 'coherent-v5' }))).toThrow(/^proposal 'my-series-v2': extends: unknown built-in proposal 'coherent-v5' — did you mean 'coherent-v1'\?/);
  });

  it('resolveBuiltin rejects an unknown name with a suggestion', () => {
    expect(() => resolveBuiltin('v61')).toThrow(ProposalError);
    expect(() => resolveBuiltin('v61')).toThrow(/^built-in 'v61': name: .*did you mean 'v6.1'\?/);
  });
});
