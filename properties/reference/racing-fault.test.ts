// Reference: a device migration with a CPU access racing it (docs §1
// migrate_racing_fault): where the access lands, and what the era's
// migration_entry_wait does to the migration.
import { describe, expect, it } from 'vitest';
import type { OpArgs } from '../../models/ops.ts';
import { pgmapStart } from './imports.ts';
import { Sim, anonPage, device } from './sim.ts';

const race = (over: Partial<OpArgs['migrate_racing_fault']> = {}): OpArgs['migrate_racing_fault'] => ({
  proc: 'p0',
  vpn: 0,
  npages: 1,
  pgmap: 'pgmap0',
  to: 'device',
  faultProc: 'p0',
  faultVpn: 0,
  write: false,
  ...over,
});

describe('migrate_racing_fault', () => {
  it('v6.1: the page moves; the retried read faults it back from device-private memory', () => {
    const sim = new Sim('v6.1');
    device(sim, 'PRIVATE');
    anonPage(sim, 3);
    expect(sim.do('migrate_racing_fault', race())).toEqual({ cpages: 1, fault: 'ok', value: 3 });
    expect(sim.lastEvents).toEqual([
      { ev: 'migrate', from: 1, to: pgmapStart(0) },
      { ev: 'migrate', from: pgmapStart(0), to: 1 },
    ]);
  });

  it('v4.14: the waiter holds a reference, the page stays ("waiter"); a write racing migrate_to_ram stores after it', () => {
    const sim = new Sim('v4.14');
    device(sim, 'PRIVATE');
    anonPage(sim, 3);
    expect(sim.do('migrate_racing_fault', race())).toEqual({ cpages: 0, fault: 'ok', value: 3 });
    expect(sim.lastEvents).toEqual([{ ev: 'migrate-skip', pfn: 1, reason: 'waiter' }]);
    sim.do('migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' });
    expect(sim.do('migrate_racing_fault', race({ to: 'ram', write: true, value: 4 }))).toEqual({ cpages: 0, fault: 'ok' });
    expect(sim.do('cpu_read', { proc: 'p0', vpn: 0 })).toEqual({ value: 4 });
  });

  it('checks the ioctl first, then the racing task; a racing access outside any VMA is SIGSEGV', () => {
    const sim = new Sim('upstream');
    device(sim, 'PRIVATE');
    anonPage(sim, 3);
    expect(sim.do('migrate_racing_fault', race({ faultProc: 'p5' }))).toEqual({ errno: 'ESRCH' });
    expect(sim.do('migrate_racing_fault', race({ pgmap: 'pgmap9', faultProc: 'p5' }))).toEqual({ errno: 'EINVAL' });
    expect(sim.do('migrate_racing_fault', race({ write: true }))).toEqual({ errno: 'EINVAL' });
    expect(sim.do('migrate_racing_fault', race({ faultVpn: 7 }))).toEqual({ cpages: 1, fault: 'SIGSEGV' });
  });
});
