// Reference: long random traces in every era. The specification must never
// throw, always allow at least one outcome, never mutate its input (its
// drafts share every entity they do not change with it: the input is frozen,
// so a write that skipped writable*() throws where it happens), keep its
// state canonical, and keep its own bookkeeping consistent: a frame is in use
// exactly when it has counted users, CPU reads return the ghost value, and a
// device-private page is never behind a present PTE.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectedData } from '../../models/invariants/expected-read.ts';
import { ERA_NAMES, type Era } from '../../models/eras/era.ts';
import { ERAS } from '../../models/eras/registry.ts';
import type { Step } from '../../models/ops.ts';
import { reference } from '../../models/reference/reference.ts';
import { NO_USERS, frameUsers } from '../../models/derive/frame-users.ts';
import { hasCountedUsers } from '../../models/reference/mm/folio-users.ts';
import type { AbsState } from '../../models/state.ts';
import { MEMORY_TYPES, MMAP_KINDS, PROTS, ZERO_PFN } from '../../models/vocabulary.ts';

const OWNERS = ['a', 'b'];
const at = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!;

/** A step drawn from small integers, resolved against the live handles of `s`. */
function resolve(s: AbsState, n: number[]): Step {
  const procs = Object.keys(s.procs) as `p${number}`[];
  const proc = procs.length ? at(procs, n[1]!) : 'p0';
  const nextVpn = s.procs[proc]?.nextVpn ?? 0;
  const vpn = n[2]! % (nextVpn + 1);
  const npages = 1 + (n[3]! % 3);
  const pgmaps = Object.keys(s.pgmaps) as `pgmap${number}`[];
  const pgmap = pgmaps.length ? at(pgmaps, n[4]!) : 'pgmap0';
  const owner = at(OWNERS, n[5]!);
  const flag = n[6]! % 2 === 0;
  const files = Object.keys(s.files).filter((f) => s.files[f as 'f0']!.kind === 'file') as `f${number}`[];
  const allFiles = Object.keys(s.files) as `f${number}`[];
  const steps: Step[] = [
    { op: 'memremap_pages', args: { type: at(MEMORY_TYPES, n[4]!), owner, npages: 1 + (n[3]! % 4) } },
    // Teardown and exit end a trace's interesting life: rarer than the rest.
    n[7]! % 4 === 0 ? { op: 'memunmap_pages', args: { pgmap } } : { op: 'migrate_to_device', args: { proc, vpn, npages, pgmap } },
    { op: 'migrate_to_device', args: { proc, vpn, npages, pgmap } },
    { op: 'migrate_to_ram', args: { proc, vpn, npages, pgmap } },
    { op: 'migrate_device_range', args: { pgmap } },
    { op: 'device_read', args: { proc, vpn, npages, owner } },
    { op: 'device_write', args: { proc, vpn, npages, owner, data: Array.from({ length: npages }, (_, i) => n[7]! + i) } },
    { op: 'snapshot', args: { proc, vpn, npages, owner } },
    { op: 'make_device_exclusive', args: { proc, vpn, npages: 1, owner } },
    { op: 'check_exclusive', args: { proc, vpn, npages, owner } },
    {
      op: 'mmap',
      args: {
        proc,
        npages: 1 + (n[3]! % 4),
        kind: at(MMAP_KINDS, n[2]!),
        shared: flag,
        prot: at(PROTS, n[5]! + 1),
        ...(at(MMAP_KINDS, n[2]!) === 'dax' ? { pgmap } : {}),
        ...(at(MMAP_KINDS, n[2]!) === 'file' && files.length && n[7]! % 2 ? { file: at(files, n[7]!) } : {}),
      },
    },
    { op: 'munmap', args: { proc, vpn, npages } },
    { op: 'mprotect', args: { proc, vpn, npages: 1, prot: at(PROTS, n[7]!) } },
    { op: 'cpu_read', args: { proc, vpn } },
    { op: 'cpu_read', args: { proc, vpn } },
    { op: 'cpu_write', args: { proc, vpn, value: n[7]! } },
    { op: 'cpu_write', args: { proc, vpn, value: n[7]! } },
    { op: 'fork', args: { proc } },
    n[7]! % 4 === 0 ? { op: 'exit', args: { proc } } : { op: 'migrate_to_ram', args: { proc, vpn, npages, pgmap } },
    { op: 'get_user_pages', args: { proc, vpn, write: flag, fast: false } },
    { op: 'pin_user_pages', args: { proc, vpn, write: flag, longterm: n[7]! % 2 === 0, fast: true } },
    { op: 'put_page', args: { ref: at(Object.keys(s.refs).length ? (Object.keys(s.refs) as `ref${number}`[]) : ['ref0' as const], n[4]!) } },
    { op: 'unpin_user_page', args: { pin: at(Object.keys(s.pins).length ? (Object.keys(s.pins) as `pin${number}`[]) : ['pin0' as const], n[4]!) } },
    { op: 'mem_cgroup_create', args: {} },
    { op: 'mem_cgroup_move_task', args: { proc, memcg: at(s.memcgs, n[4]!), moveCharge: flag } },
    flag ? { op: 'memory_failure', args: { proc, vpn, countIncreased: n[7]! % 2 === 0 } } : { op: 'memory_failure', args: { pgmap, index: n[3]! % 2, countIncreased: false } },
    { op: 'fail_next_alloc', args: { where: flag ? 'device' : 'system' } },
    { op: 'fallocate_punch_hole', args: { file: at(allFiles.length ? allFiles : ['f0' as const], n[4]!), index: n[2]! % 4, npages } },
    flag ? { op: 'fsync', args: { file: at(allFiles.length ? allFiles : ['f0' as const], n[4]!) } } : { op: 'drop_caches', args: {} },
    { op: 'move_pages', args: { proc, vpn, moveAll: flag } },
    {
      op: 'migrate_racing_fault',
      args: {
        proc,
        vpn,
        npages,
        pgmap,
        to: flag ? 'device' : 'ram',
        faultProc: at(procs.length ? procs : ['p0' as const], n[5]!),
        faultVpn: vpn,
        ...(n[7]! % 2 ? { write: true, value: n[7]! } : { write: false }),
      },
    },
  ];
  return at(steps, n[0]!);
}

/** A start that makes most random steps land somewhere: mappings of each kind and a pgmap of every type the era has. */
function setup(era: Era): Step[] {
  const types = MEMORY_TYPES.filter((t) => era.enumValues[t] !== undefined);
  return [
    { op: 'mmap', args: { proc: 'p0', npages: 4, kind: 'anon', shared: false, prot: 'write' } },
    { op: 'mmap', args: { proc: 'p0', npages: 2, kind: 'anon', shared: true, prot: 'write' } },
    { op: 'mmap', args: { proc: 'p0', npages: 2, kind: 'file', shared: false, prot: 'write' } },
    ...types.map((type, i): Step => ({ op: 'memremap_pages', args: { type, owner: at(OWNERS, i), npages: 4 } })),
  ];
}

/** Freeze a state and everything in it (a write to it then throws: ES modules are strict). */
function deepFreeze<T>(x: T): T {
  if (x === null || typeof x !== 'object' || Object.isFrozen(x)) return x;
  for (const v of Object.values(x)) deepFreeze(v);
  return Object.freeze(x);
}

function hasUndefined(x: unknown): boolean {
  if (x === undefined) return true;
  if (x === null || typeof x !== 'object') return false;
  return Object.values(x).some(hasUndefined);
}

/** Violations of the reference's own bookkeeping after one step (empty when consistent). */
function selfCheck(eraName: (typeof ERA_NAMES)[number], before: AbsState, step: Step, after: AbsState, result: object): string[] {
  const era = ERAS[eraName];
  const bad: string[] = [];
  if (hasUndefined(after)) bad.push('undefined-valued key');
  for (const [id, proc] of Object.entries(after.procs)) {
    for (let i = 1; i < proc.vmas.length; i++) {
      if (proc.vmas[i]!.start < proc.vmas[i - 1]!.start + proc.vmas[i - 1]!.npages) bad.push(`${id}: vmas unsorted or overlapping`);
    }
    for (const [vpn, pte] of Object.entries(proc.ptes)) {
      // private-not-cpu-mapped
      if ((pte.kind === 'present' || pte.kind === 'present-devmap') && after.frames[pte.pfn]!.type === 'PRIVATE') bad.push(`${id}:${vpn} maps PRIVATE present`);
    }
  }
  const users = frameUsers(after);
  for (const f of Object.values(after.frames)) {
    if (f.pfn === ZERO_PFN) continue;
    // In use exactly while somebody holds it: no leak, no use after free.
    if (f.inUse !== hasCountedUsers(era, f, users.get(f.pfn) ?? NO_USERS)) bad.push(`pfn ${f.pfn}: inUse ${f.inUse} disagrees with its users`);
    if (!f.inUse && f.memcg !== null) bad.push(`pfn ${f.pfn}: free but charged`);
  }
  // A task asleep in a hole punch waits on a page something still holds: an idle one would have woken it.
  for (const [id, file] of Object.entries(after.files)) {
    if (file.punchHole && !after.frames[file.punchHole.waitOn]?.inUse) bad.push(`${id}: punch asleep on idle pfn ${file.punchHole.waitOn}`);
  }
  if (step.op === 'cpu_read' && 'value' in result) {
    const want = expectedData(before, before.procs[step.args.proc]!, step.args.vpn);
    if (result.value !== want) bad.push(`cpu_read returned ${String(result.value)}, ghost says ${want}`);
  }
  return bad;
}

describe('reference random walk', () => {
  for (const eraName of ERA_NAMES) {
    it(`stays self-consistent under ${eraName}`, () => {
      const era = ERAS[eraName];
      fc.assert(
        fc.property(fc.array(fc.array(fc.nat(40), { minLength: 8, maxLength: 8 }), { minLength: 10, maxLength: 60, size: 'max' }), fc.nat(), (raw, pick) => {
          let state = reference.init(era);
          for (const step of setup(era)) state = reference.step(era, state, step)[0]!.state;
          for (const n of raw) {
            const step = resolve(state, n);
            // Frozen: a write to the input throws (which also means it cannot have changed).
            const outs = reference.step(era, deepFreeze(state), step);
            if (outs.length === 0) throw new Error(`no outcome for ${JSON.stringify(step)}`);
            const o = outs[pick % outs.length]!;
            const bad = selfCheck(eraName, state, step, o.state, o.result);
            if (bad.length) throw new Error(`${JSON.stringify(step)} → ${JSON.stringify(o.result)}: ${bad.join('; ')}`);
            state = o.state;
          }
        }),
        { numRuns: 25 },
      );
    });
  }
});
