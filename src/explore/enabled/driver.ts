// Enabled driver and device steps (src/check/commands/driver.ts is their
// random counterpart): memremap_pages while fewer than `devices` pgmaps
// exist, the teardown of each, migrations of every range to and from every
// pgmap pages migrate into, the dmirror device ioctls on every range.
import type { Step } from '../../../models/ops.ts';
import { step } from '../../check/command-spec.ts';
import { eraTypes, pgmaps } from '../../check/handles.ts';
import { type Domain, rangesAt, valueRows } from '../domain.ts';

export function memremap_pages(d: Domain): Step[] {
  if (d.s.next.pgmap >= d.bounds.devices) return [];
  const types = eraTypes(d.era).filter((t) => d.bounds.types === undefined || d.bounds.types.includes(t));
  return types.flatMap((type) =>
    d.owners.flatMap((owner) => d.sizes.flatMap((npages) => [step('memremap_pages', { type, owner, npages }), ...(npages > 1 ? [step('memremap_pages', { type, owner, npages, reserved: 1 })] : [])])),
  );
}

export const memunmap_pages = (d: Domain): Step[] => pgmaps(d.s, { present: true }).map((pgmap) => step('memunmap_pages', { pgmap }));

export function migrate_to_device(d: Domain): Step[] {
  const targets = pgmaps(d.s, { mapBy: 'migrate', alive: true });
  return d.vpns.flatMap(({ proc, p, vpn }) => rangesAt(d, p, vpn).flatMap((npages) => targets.map((pgmap) => step('migrate_to_device', { proc, vpn, npages, pgmap }))));
}

export function migrate_to_ram(d: Domain): Step[] {
  const sources = pgmaps(d.s, { mapBy: 'migrate', present: true });
  return d.vpns.flatMap(({ proc, p, vpn }) => rangesAt(d, p, vpn).flatMap((npages) => sources.map((pgmap) => step('migrate_to_ram', { proc, vpn, npages, pgmap }))));
}

export const migrate_device_range = (d: Domain): Step[] => (d.era.migrateDeviceRange ? pgmaps(d.s, { mapBy: 'migrate', present: true }).map((pgmap) => step('migrate_device_range', { pgmap })) : []);

/**
 * One page under migration, the racing access by every process at every vpn
 * mapping the same frame (or at the migrating vpn itself), reading or
 * writing each value.
 */
export function migrate_racing_fault(d: Domain): Step[] {
  const out: Step[] = [];
  for (const { proc, p, vpn } of d.vpns) {
    const pfn = p.ptes[vpn]?.pfn;
    const faults = d.vpns.filter((f) => (f.proc === proc && f.vpn === vpn) || (pfn !== undefined && f.p.ptes[f.vpn]?.pfn === pfn));
    for (const to of ['device', 'ram'] as const) {
      for (const pgmap of pgmaps(d.s, { mapBy: 'migrate', alive: to === 'device', present: true })) {
        for (const f of faults) {
          const base = { proc, vpn, npages: 1, pgmap, to, faultProc: f.proc, faultVpn: f.vpn };
          out.push(step('migrate_racing_fault', { ...base, write: false }));
          for (const value of d.values) out.push(step('migrate_racing_fault', { ...base, write: true, value }));
        }
      }
    }
  }
  return out;
}

function ranged<K extends 'device_read' | 'snapshot' | 'make_device_exclusive' | 'check_exclusive'>(op: K) {
  return (d: Domain): Step[] => d.vpns.flatMap(({ proc, p, vpn }) => rangesAt(d, p, vpn).flatMap((npages) => d.owners.map((owner) => step(op, { proc, vpn, npages, owner }))));
}

export const device_read = ranged('device_read');
export const snapshot = ranged('snapshot');
export const make_device_exclusive = ranged('make_device_exclusive');
export const check_exclusive = ranged('check_exclusive');

export function device_write(d: Domain): Step[] {
  return d.vpns.flatMap(({ proc, p, vpn }) =>
    rangesAt(d, p, vpn).flatMap((npages) => d.owners.flatMap((owner) => valueRows(d.values, npages).map((data) => step('device_write', { proc, vpn, npages, owner, data })))),
  );
}
