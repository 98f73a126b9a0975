import { describe, expect, it } from 'vitest';
import type { EraName } from '../../models/eras/era.ts';
import type { ZdEvent } from '../../models/events.ts';
import type { AbsState } from '../../models/state.ts';
import type { MemoryType } from '../../models/vocabulary.ts';
import { anonPage, anonVma, pte, stateWith } from './fixtures/state-with.ts';
import { stepOf, viewOf, messagesOf } from './fixtures/view-with.ts';
import { pinnedNotMigrated } from '../../models/invariants/pinned-not-migrated.ts';

/** pgmap0 index 0 (or system pfn 1) mapped by p0 with `refs` FOLL_GET refs and `pins` pins. */
function page(type: MemoryType | 'SYSTEM', refs: number, pins = 0): { state: AbsState; pfn: number } {
  const pfn = type === 'SYSTEM' ? 1 : 256;
  const state = stateWith({
    pgmaps: type === 'SYSTEM' ? {} : { pgmap0: { type } },
    frames: { [pfn]: anonPage() },
    procs: { p0: { vmas: [anonVma(0, 1)], ptes: { 0: pte(type === 'PRIVATE' ? 'device-private' : 'present', pfn) } } },
    refs: Object.fromEntries(Array.from({ length: refs }, (_, i) => [`ref${i}`, { pfn, proc: 'p0' }])),
    pins: Object.fromEntries(Array.from({ length: pins }, (_, i) => [`pin${i}`, { pfn, proc: 'p0', longterm: false, write: false }])),
  });
  return { state, pfn };
}

function judge(era: EraName, p: { state: AbsState; pfn: number }, ev: ZdEvent, op: 'migrate_to_ram' | 'pin_user_pages' = 'migrate_to_ram') {
  const before = viewOf(p.state, era);
  const step =
    op === 'pin_user_pages'
      ? stepOf('pin_user_pages', { proc: 'p0', vpn: 0, write: true, longterm: true, fast: false }, { pin: 'pin9' }, [ev])
      : stepOf('migrate_to_ram', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' }, { cpages: ev.ev === 'migrate' ? 1 : 0 }, [ev]);
  return messagesOf(pinnedNotMigrated, before, before, step);
}

const moved = (from: number): ZdEvent => ({ ev: 'migrate', from, to: 2 });
const skipped = (pfn: number): ZdEvent => ({ ev: 'migrate-skip', pfn, reason: 'refs' });

describe('pinned-not-migrated', () => {
  it('fails when a pinned system page is migrated', () => {
    const p = page('SYSTEM', 0, 1);
    expect(judge('upstream', p, moved(1))).toEqual(['pfn 1 (SYSTEM): migrated to pfn 2 by migrate_to_ram although it had unexpected references (maps 1, refs 0, pins 1 (long-term 0), page cache no)']);
  });

  it('tolerates no unexpected reference in any era: folio_migrate_mapping wants the exact count', () => {
    expect(judge('v6.1', page('COHERENT', 0), moved(256))).toEqual([]);
    expect(judge('v6.1', page('COHERENT', 1), moved(256))[0]).toContain('pfn 256 (COHERENT, pgmap0 index 0): migrated to pfn 2');
    expect(judge('v6.1', page('SYSTEM', 1), moved(1))[0]).toContain('pfn 1 (SYSTEM): migrated');
    expect(judge('v4.14', page('PUBLIC', 1), moved(256))[0]).toContain('pfn 256 (PUBLIC, pgmap0 index 0): migrated');
  });

  it('has no slack when a long-term pin migrates the page (GUP holds the reference)', () => {
    expect(judge('v6.1', page('COHERENT', 1), moved(256), 'pin_user_pages')[0]).toContain('migrated to pfn 2 by pin_user_pages');
    expect(judge('v6.1', page('COHERENT', 0), moved(256), 'pin_user_pages')).toEqual([]);
  });

  it('refuses referenced device-private pages in every era, although the pre-check passed them before v5.19', () => {
    expect(judge('v5.x', page('PRIVATE', 2), moved(256))[0]).toContain('refs 2');
    expect(judge('v6.1', page('PRIVATE', 1), moved(256))[0]).toContain('refs 1');
    expect(judge('v5.x', page('PRIVATE', 0), moved(256))).toEqual([]);
  });

  it('fails when a page with exactly the expected references is skipped for its references', () => {
    expect(judge('v6.1', page('COHERENT', 0), skipped(256))).toEqual([
      'pfn 256 (COHERENT, pgmap0 index 0): skipped by migrate_to_ram for its references although it had exactly the expected ones (maps 1, refs 0, pins 0 (long-term 0), page cache no)',
    ]);
    expect(judge('v5.x', page('PRIVATE', 0), skipped(256))[0]).toContain('pfn 256 (PRIVATE, pgmap0 index 0): skipped');
  });

  it('lets the era pre-check refuse a type outright', () => {
    // v5.3–v5.18: "return is_device_private_page(page)" refuses COHERENT.
    expect(judge('v5.x', page('COHERENT', 0), skipped(256))).toEqual([]);
  });

  it('holds when a page with unexpected references is skipped', () => {
    expect(judge('v6.1', page('COHERENT', 1), skipped(256))).toEqual([]);
    expect(judge('v6.1', page('COHERENT', 2), skipped(256))).toEqual([]);
    expect(judge('v5.x', page('PRIVATE', 3), skipped(256))).toEqual([]);
    expect(judge('upstream', page('SYSTEM', 0, 1), skipped(1))).toEqual([]);
    // v4.14 rejected every ZONE_DEVICE type but PRIVATE and PUBLIC.
    expect(judge('v4.14', page('HOST', 0), skipped(256))).toEqual([]);
  });
});
