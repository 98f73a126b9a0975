// A CPU access racing a device migration (models/kernel/migrate-racing-
// fault.ts, migration-entry-wait.ts): what the waiting task does with a
// page reference is the era's, and the reference it takes is dropped on
// every exit through put_ref_page (site migration_entry_wait).
import { describe, expect, it } from 'vitest';
import type { EraName } from '../../models/eras/era.ts';
import type { KernelInstance } from '../../models/model.ts';
import type { OpArgs } from '../../models/ops.ts';
import type { Hooks } from '../../models/kernel/hooks.ts';
import { counters, kernelFor, run } from './run-steps.ts';

/** migrate_to_device of p0 vpn 0 with p0's read of the same page racing it. */
const racingRead: OpArgs['migrate_racing_fault'] = { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0', to: 'device', faultProc: 'p0', faultVpn: 0, write: false };

/** p0's anon page (value 4) with a PRIVATE pgmap to migrate it into, then the racing read. */
function race(era: EraName, hooks: Partial<Hooks> = {}): { k: KernelInstance; r: ReturnType<KernelInstance['apply']> } {
  const k = kernelFor(era, hooks);
  run(k, 'memremap_pages', { type: 'PRIVATE', owner: 'dev0', npages: 1 });
  run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
  run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 4 });
  return { k, r: k.apply({ op: 'migrate_racing_fault', args: racingRead }) };
}

describe('migrate_racing_fault', () => {
  it('v4.14: the waiter holds a reference through the checks, the page stays ("waiter"), and the reference goes at wake-up', () => {
    const { k, r } = race('v4.14');
    expect(r.result).toEqual({ cpages: 0, fault: 'ok', value: 4 });
    expect(r.events).toEqual([{ ev: 'migrate-skip', pfn: 1, reason: 'waiter' }]);
    expect(counters(k, 1).refcount).toBe(1);
  });

  it.each<EraName>(['v5.x', 'v6.1', 'upstream'])('%s: no reference held while waiting, the page moves and the retried read brings it back', (era) => {
    const { k, r } = race(era);
    expect(r.result).toEqual({ cpages: 1, fault: 'ok', value: 4 });
    expect(r.events.map((e) => e.ev)).toEqual(['migrate', 'migrate']);
    expect(k.abstract().procs.p0?.ptes[0]?.kind).toBe('present');
  });

  it('v4.14: a waiter that forgets its reference on waking leaks it (put_ref_page, site migration_entry_wait)', () => {
    const { k } = race('v4.14', { put_ref_page: (_f, { site }) => site !== 'migration_entry_wait' });
    expect(counters(k, 1).refcount).toBe(2);
  });

  it('v5.x: put_and_wait_on_page_locked drops it before sleeping; forgotten, the checks see it and the page stays', () => {
    const { k, r } = race('v5.x', { put_ref_page: (_f, { site }) => site !== 'migration_entry_wait' });
    expect(r.result).toEqual({ cpages: 0, fault: 'ok', value: 4 });
    expect(r.events).toEqual([{ ev: 'migrate-skip', pfn: 1, reason: 'refs' }]);
    expect(counters(k, 1).refcount).toBe(2);
  });

  it('an access whose PTE is no migration entry does not wait: it runs after the migration', () => {
    const k = kernelFor('v4.14');
    run(k, 'memremap_pages', { type: 'PRIVATE', owner: 'dev0', npages: 1 });
    run(k, 'mmap', { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' });
    run(k, 'cpu_write', { proc: 'p0', vpn: 0, value: 4 });
    run(k, 'cpu_write', { proc: 'p0', vpn: 1, value: 5 });
    const r = k.apply({ op: 'migrate_racing_fault', args: { ...racingRead, faultVpn: 1, write: true, value: 6 } });
    expect(r.result).toEqual({ cpages: 1, fault: 'ok' });
    expect(run(k, 'cpu_read', { proc: 'p0', vpn: 1 })).toEqual({ value: 6 });
  });
});
