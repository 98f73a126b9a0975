// Driver and device commands (DESIGN §2): the HMM test driver's ioctls on
// top of memremap_pages and migrate_vma_*.
import fc from 'fast-check';
import { command, step } from '../command-spec.ts';
import { biased, index, memoryType, npages, owner, prefer, value } from '../choices.ts';
import { clampToVma, liveProcs, pgmaps, pick, pickProcVpn, vmaVpns } from '../handles.ts';
import { memremapFirst, mmapFirst } from './prerequisite.ts';

// Mostly the old shape; now and then a range whose first pfn the driver
// reserved (an altmap), which the driver never hands out, memory_failure
// refuses (pgmap_pfn_valid) and no per-pfn pgmap reference covers (pfn_len).
export const memremap_pages = command({
  op: 'memremap_pages',
  choices: (era) => fc.record({ type: memoryType(era), owner: owner(), npages: npages(), reserve: biased(1, 7) }),
  resolve: (c) =>
    c.reserve && c.npages > 1 ? step('memremap_pages', { type: c.type, owner: c.owner, npages: c.npages, reserved: 1 }) : step('memremap_pages', { type: c.type, owner: c.owner, npages: c.npages }),
});

export const memunmap_pages = command({
  op: 'memunmap_pages',
  choices: () => fc.record({ pgmap: index() }),
  resolve: (c, s) => {
    const pgmap = pick(pgmaps(s, { present: true }), c.pgmap);
    return pgmap && step('memunmap_pages', { pgmap });
  },
});

// Ranges start at a vpn inside a VMA and are clamped to it: a range running
// off the VMA only tests the EINVAL check, which one-page ranges cover.
const rangeChoices = () => fc.record({ proc: index(), vpn: index(), npages: npages(), prefer: prefer(), owner: owner() });

export const migrate_to_device = command({
  op: 'migrate_to_device',
  choices: () => fc.record({ proc: index(), vpn: index(), npages: npages(), pgmap: index(), holes: biased(1, 1) }),
  resolve: (c, s, era) => {
    // Half the time any vpn (holes become new device pages), else a mapped one.
    const at = pickProcVpn(s, c.proc, c.holes ? 'any' : 'mapped', c.vpn);
    const pgmap = pick(pgmaps(s, { mapBy: 'migrate', alive: true }), c.pgmap);
    if (pgmap === undefined) return memremapFirst(era, c.pgmap, c.proc);
    if (at === undefined) return mmapFirst(s, c.proc, c.npages);
    return step('migrate_to_device', { proc: at.proc, vpn: at.vpn, npages: clampToVma(at.p, at.vpn, c.npages), pgmap });
  },
});

export const migrate_to_ram = command({
  op: 'migrate_to_ram',
  choices: () => fc.record({ proc: index(), vpn: index(), npages: npages(), pgmap: index() }),
  resolve: (c, s) => {
    const at = pickProcVpn(s, c.proc, 'device', c.vpn);
    // The pgmap backing that vpn when there is one, so the owner matches.
    const pte = at?.p.ptes[at.vpn];
    const backing = pte === undefined ? null : (s.frames[pte.pfn]?.pgmap ?? null);
    const pgmap = backing ?? pick(pgmaps(s, { mapBy: 'migrate', present: true }), c.pgmap);
    if (at === undefined) return mmapFirst(s, c.proc, c.npages);
    if (pgmap === undefined) return undefined;
    return step('migrate_to_ram', { proc: at.proc, vpn: at.vpn, npages: clampToVma(at.p, at.vpn, c.npages), pgmap });
  },
});

// Driver eviction. migrate_device_range is v6.1 (e778406b40db): in older
// eras it is never generated, and the same choice evicts the way those
// drivers did, migrate_vma over the first VMA page backed by the pgmap
// (dmirror's MIGRATE_TO_SYS; counted as a substitution).
export const migrate_device_range = command({
  op: 'migrate_device_range',
  choices: () => fc.record({ pgmap: index() }),
  resolve: (c, s, era) => {
    const pgmap = pick(pgmaps(s, { mapBy: 'migrate', present: true }), c.pgmap);
    if (pgmap === undefined || era.migrateDeviceRange) return pgmap && step('migrate_device_range', { pgmap });
    for (const proc of liveProcs(s)) {
      const p = s.procs[proc];
      if (!p) continue;
      for (const vpn of vmaVpns(p)) {
        const pte = p.ptes[vpn];
        if (pte && s.frames[pte.pfn]?.pgmap === pgmap) return step('migrate_to_ram', { proc, vpn, npages: 1, pgmap });
      }
    }
    return undefined;
  },
});

type Ranged = 'device_read' | 'snapshot' | 'make_device_exclusive' | 'check_exclusive';

function rangeCommand<K extends Ranged>(op: K) {
  return command({
    op,
    choices: rangeChoices,
    resolve: (c, s) => {
      const at = pickProcVpn(s, c.proc, c.prefer, c.vpn);
      if (at === undefined) return mmapFirst(s, c.proc, c.npages);
      return step<Ranged>(op, { proc: at.proc, vpn: at.vpn, npages: clampToVma(at.p, at.vpn, c.npages), owner: c.owner });
    },
  });
}

export const device_read = rangeCommand('device_read');
export const snapshot = rangeCommand('snapshot');
export const make_device_exclusive = rangeCommand('make_device_exclusive');
export const check_exclusive = rangeCommand('check_exclusive');

export const device_write = command({
  op: 'device_write',
  choices: () => fc.record({ proc: index(), vpn: index(), npages: npages(), prefer: prefer(), owner: owner(), data: fc.array(value(), { minLength: 4, maxLength: 4 }) }),
  resolve: (c, s) => {
    const at = pickProcVpn(s, c.proc, c.prefer, c.vpn);
    if (at === undefined) return mmapFirst(s, c.proc, c.npages);
    const n = clampToVma(at.p, at.vpn, c.npages);
    return step('device_write', { proc: at.proc, vpn: at.vpn, npages: n, owner: c.owner, data: c.data.slice(0, n) });
  },
});

/**
 * A migration with a CPU access racing it: the range as migrate_to_device
 * or migrate_to_ram picks it, and the access — most often by a process
 * that maps the range's first page (the migrating process itself, or one
 * that shares the page after fork), so that it lands on a migration entry.
 */
export const migrate_racing_fault = command({
  op: 'migrate_racing_fault',
  choices: () => fc.record({ proc: index(), vpn: index(), npages: npages(), pgmap: index(), toDevice: biased(3, 2), faultProc: index(), write: biased(1, 1), value: value(), elsewhere: biased(1, 4) }),
  resolve: (c, s, era) => {
    const at = pickProcVpn(s, c.proc, c.toDevice ? 'mapped' : 'device', c.vpn);
    if (at === undefined) return mmapFirst(s, c.proc, c.npages);
    const pte = at.p.ptes[at.vpn];
    const backing = !c.toDevice && pte !== undefined ? (s.frames[pte.pfn]?.pgmap ?? null) : null;
    const pgmap = backing ?? pick(pgmaps(s, { mapBy: 'migrate', alive: c.toDevice, present: true }), c.pgmap);
    if (pgmap === undefined) return memremapFirst(era, c.pgmap, c.proc);
    // The mappers of that page, in handle order; now and then any process's vpn.
    const sharers = liveProcs(s).flatMap((proc) => {
      const p = s.procs[proc];
      const vpn = p && pte ? vmaVpns(p).find((v) => p.ptes[v]?.pfn === pte.pfn && p.ptes[v]?.kind !== 'hwpoison') : undefined;
      return vpn === undefined ? [] : [{ proc, vpn }];
    });
    const other = pickProcVpn(s, c.faultProc, 'mapped', c.vpn);
    const fault = (c.elsewhere ? other : undefined) ?? pick(sharers, c.faultProc) ?? { proc: at.proc, vpn: at.vpn };
    const base = { proc: at.proc, vpn: at.vpn, npages: clampToVma(at.p, at.vpn, c.npages), pgmap, to: c.toDevice ? ('device' as const) : ('ram' as const), faultProc: fault.proc, faultVpn: fault.vpn };
    return step('migrate_racing_fault', c.write ? { ...base, write: true, value: c.value } : { ...base, write: false });
  },
});
