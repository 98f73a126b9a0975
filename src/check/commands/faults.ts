// Fault commands (DESIGN §2): memory_failure and allocation-failure
// injection.
import fc from 'fast-check';
import { command, step } from '../command-spec.ts';
import { mmapFirst } from './prerequisite.ts';
import { biased, index, prefer } from '../choices.ts';
import { pgmaps, pick, pickProcVpn } from '../handles.ts';

export const memory_failure = command({
  op: 'memory_failure',
  choices: () => fc.record({ byVpn: biased(2, 1), proc: index(), vpn: index(), prefer: prefer(), pgmap: index(), index: fc.nat({ max: 3 }), countIncreased: fc.boolean() }),
  resolve: (c, s) => {
    if (c.byVpn) {
      // Through a PTE (the madvise/HWPoison path names a mapped page).
      const at = pickProcVpn(s, c.proc, c.prefer === 'any' ? 'mapped' : c.prefer, c.vpn);
      return at === undefined ? mmapFirst(s, c.proc, 2) : step('memory_failure', { proc: at.proc, vpn: at.vpn, countIncreased: c.countIncreased });
    }
    const pgmap = pick(pgmaps(s, { present: true }), c.pgmap);
    const size = pgmap === undefined ? 0 : (s.pgmaps[pgmap]?.npages ?? 0);
    return pgmap && step('memory_failure', { pgmap, index: c.index % Math.max(1, size), countIncreased: c.countIncreased });
  },
});

export const fail_next_alloc = command({
  op: 'fail_next_alloc',
  choices: () => fc.record({ where: fc.constantFrom<'device' | 'system'>('device', 'system') }),
  resolve: (c) => step('fail_next_alloc', { where: c.where }),
});
