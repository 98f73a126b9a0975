// A fast-check generator of plausible steps: handles drawn from small ranges
// so that most steps name live objects (a few do not, to exercise the
// bad-handle paths).
import fc from 'fast-check';
import type { Step } from '../../models/ops.ts';
import { MEMORY_TYPES, type MemoryType } from '../../models/vocabulary.ts';
import type { Era } from '../../models/eras/era.ts';

const proc = fc.constantFrom('p0', 'p0', 'p0', 'p0', 'p1', 'p1', 'p2', 'p3') as fc.Arbitrary<`p${number}`>;
const pgmap = fc.constantFrom('pgmap0', 'pgmap0', 'pgmap1', 'pgmap1', 'pgmap2', 'pgmap3') as fc.Arbitrary<`pgmap${number}`>;
const owner = fc.constantFrom('dev0', 'dev1');
const vpn = fc.nat(9);
const npages = fc.integer({ min: 1, max: 4 });
const value = fc.integer({ min: 1, max: 99 });
const file = fc.constantFrom('f0', 'f0', 'f1', 'f2', 'f3') as fc.Arbitrary<`f${number}`>;

export const arbStep: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ type: fc.constantFrom(...MEMORY_TYPES), owner, npages: fc.integer({ min: 1, max: 6 }) }).map((args): Step => ({ op: 'memremap_pages', args })), weight: 3 },
  { arbitrary: fc.record({ pgmap }).map((args): Step => ({ op: 'memunmap_pages', args })), weight: 1 },
  { arbitrary: fc.record({ proc, vpn, npages, pgmap }).map((args): Step => ({ op: 'migrate_to_device', args })), weight: 6 },
  { arbitrary: fc.record({ proc, vpn, npages, pgmap }).map((args): Step => ({ op: 'migrate_to_ram', args })), weight: 3 },
  { arbitrary: fc.record({ pgmap }).map((args): Step => ({ op: 'migrate_device_range', args })), weight: 2 },
  { arbitrary: fc.record({ proc, vpn, npages, owner }).map((args): Step => ({ op: 'device_read', args })), weight: 3 },
  {
    arbitrary: fc.record({ proc, vpn, npages, owner }).chain((a) => fc.array(value, { minLength: a.npages, maxLength: a.npages }).map((data): Step => ({ op: 'device_write', args: { ...a, data } }))),
    weight: 3,
  },
  { arbitrary: fc.record({ proc, vpn, npages, owner }).map((args): Step => ({ op: 'snapshot', args })), weight: 1 },
  { arbitrary: fc.record({ proc, vpn, npages, owner }).map((args): Step => ({ op: 'make_device_exclusive', args })), weight: 2 },
  { arbitrary: fc.record({ proc, vpn, npages, owner }).map((args): Step => ({ op: 'check_exclusive', args })), weight: 1 },
  {
    arbitrary: fc
      .record({
        proc,
        npages: fc.integer({ min: 1, max: 6 }),
        kind: fc.constantFrom('anon', 'anon', 'shmem', 'file', 'dax'),
        shared: fc.boolean(),
        prot: fc.constantFrom('read', 'write', 'write', 'none'),
        pgmap,
      })
      .map(({ pgmap: pg, ...a }): Step => ({ op: 'mmap', args: a.kind === 'dax' ? { ...a, shared: true, pgmap: pg } : a })),
    weight: 5,
  },
  { arbitrary: fc.record({ proc, vpn, npages }).map((args): Step => ({ op: 'munmap', args })), weight: 2 },
  { arbitrary: fc.record({ proc, vpn, npages, prot: fc.constantFrom('none', 'read', 'write') }).map((args): Step => ({ op: 'mprotect', args })), weight: 1 },
  { arbitrary: fc.record({ proc, vpn }).map((args): Step => ({ op: 'cpu_read', args })), weight: 5 },
  { arbitrary: fc.record({ proc, vpn, value }).map((args): Step => ({ op: 'cpu_write', args })), weight: 6 },
  { arbitrary: fc.record({ proc }).map((args): Step => ({ op: 'fork', args })), weight: 2 },
  { arbitrary: fc.record({ proc: fc.constantFrom('p1', 'p2', 'p3') as fc.Arbitrary<`p${number}`> }).map((args): Step => ({ op: 'exit', args })), weight: 1 },
  { arbitrary: fc.record({ proc, vpn, write: fc.boolean(), fast: fc.boolean() }).map((args): Step => ({ op: 'get_user_pages', args })), weight: 3 },
  { arbitrary: fc.record({ proc, vpn, write: fc.boolean(), longterm: fc.boolean(), fast: fc.boolean() }).map((args): Step => ({ op: 'pin_user_pages', args })), weight: 3 },
  { arbitrary: fc.record({ ref: fc.nat(5).map((n) => `ref${n}` as const) }).map((args): Step => ({ op: 'put_page', args })), weight: 3 },
  { arbitrary: fc.record({ pin: fc.nat(5).map((n) => `pin${n}` as const) }).map((args): Step => ({ op: 'unpin_user_page', args })), weight: 3 },
  { arbitrary: fc.constant<Step>({ op: 'mem_cgroup_create', args: {} }), weight: 1 },
  {
    arbitrary: fc.record({ proc, memcg: fc.constantFrom('m0', 'm1', 'm2') as fc.Arbitrary<`m${number}`>, moveCharge: fc.boolean() }).map((args): Step => ({ op: 'mem_cgroup_move_task', args })),
    weight: 2,
  },
  { arbitrary: fc.record({ proc, vpn, countIncreased: fc.boolean() }).map((args): Step => ({ op: 'memory_failure', args })), weight: 1 },
  { arbitrary: fc.record({ pgmap, index: fc.nat(5), countIncreased: fc.boolean() }).map((args): Step => ({ op: 'memory_failure', args })), weight: 1 },
  { arbitrary: fc.record({ where: fc.constantFrom('device', 'system') }).map((args): Step => ({ op: 'fail_next_alloc', args })), weight: 1 },
  { arbitrary: fc.record({ file, index: fc.nat(3), npages: fc.integer({ min: 1, max: 2 }) }).map((args): Step => ({ op: 'fallocate_punch_hole', args })), weight: 2 },
  { arbitrary: fc.record({ file }).map((args): Step => ({ op: 'fsync', args })), weight: 1 },
  { arbitrary: fc.constant<Step>({ op: 'drop_caches', args: {} }), weight: 1 },
  { arbitrary: fc.record({ proc, vpn, moveAll: fc.boolean() }).map((args): Step => ({ op: 'move_pages', args })), weight: 2 },
  {
    arbitrary: fc
      .record({ proc, vpn, npages, pgmap, to: fc.constantFrom('device', 'ram'), faultProc: proc, faultVpn: vpn, write: fc.boolean(), value })
      .map(({ value: v, ...a }): Step => ({ op: 'migrate_racing_fault', args: a.write ? { ...a, value: v } : a })),
    weight: 3,
  },
);

/**
 * A prologue that gives the random steps something to work on: one device
 * pgmap of each kind the era has (PRIVATE dev0 first, then a coherent type
 * for dev1, then a DAX type, whose file is f0) and an 8-page anonymous
 * mapping in p0, then a 2-page mapping of that DAX file (vpns 8 and 9) for
 * pins and hole punches to meet.
 */
export function prologue(era: Era): Step[] {
  const has = (t: MemoryType) => era.enumValues[t] !== undefined;
  const coherent: MemoryType = has('COHERENT') ? 'COHERENT' : has('PUBLIC') ? 'PUBLIC' : 'PRIVATE';
  const dax: MemoryType = has('FS_DAX') ? 'FS_DAX' : 'HOST';
  return [
    { op: 'memremap_pages', args: { type: 'PRIVATE', owner: 'dev0', npages: 6 } },
    { op: 'memremap_pages', args: { type: coherent, owner: 'dev1', npages: 6 } },
    { op: 'memremap_pages', args: { type: dax, owner: 'dax0', npages: 4 } },
    { op: 'mmap', args: { proc: 'p0', npages: 8, kind: 'anon', shared: false, prot: 'write' } },
    { op: 'mmap', args: { proc: 'p0', npages: 2, kind: 'dax', shared: true, prot: 'write', pgmap: 'pgmap2' } },
  ];
}

/** memremap_pages with reserved (altmap) pfns at the start; a reserve of the whole range is refused. */
export const arbReservedMemremap: fc.Arbitrary<Step> = fc
  .record({ type: fc.constantFrom(...MEMORY_TYPES), owner, npages: fc.integer({ min: 1, max: 6 }), reserved: fc.integer({ min: 1, max: 3 }) })
  .map((args): Step => ({ op: 'memremap_pages', args }));
