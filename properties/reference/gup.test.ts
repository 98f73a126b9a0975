// Reference: GUP (docs/operations.md §3).
import { describe, expect, it } from 'vitest';
import { GUP_PIN_COUNTING_BIAS, pgmapStart } from './imports.ts';
import { Sim, anonPage, device } from './sim.ts';

/** p0 with one page on a COHERENT device: its vpn and device pfn. */
function coherentPage(sim: Sim, value = 50) {
  const { vpn } = anonPage(sim, value);
  const pg = device(sim, 'COHERENT');
  sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: pg });
  return { vpn, dev: pgmapStart(0) };
}

describe('get_user_pages / put_page', () => {
  it('takes a reference on the page and faults in what is missing', () => {
    const sim = new Sim('v6.1');
    const { vpn } = sim.do('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' }) as { vpn: number };
    expect(sim.do('get_user_pages', { proc: 'p0', vpn, write: true, fast: true })).toEqual({ ref: 'ref0' });
    const pfn = sim.pte('p0', vpn)!.pfn;
    expect(sim.state.refs.ref0).toEqual({ pfn, proc: 'p0' });
    expect(sim.refcount(pfn)).toBe(2);
    expect(sim.do('put_page', { ref: 'ref0' })).toEqual({});
    expect(sim.refcount(pfn)).toBe(1);
    expect(sim.do('put_page', { ref: 'ref0' })).toEqual({ errno: 'EINVAL' });
  });
  it('faults a device-private page back to RAM before grabbing it', () => {
    const sim = new Sim('v6.1');
    const { vpn } = anonPage(sim, 8);
    const pg = device(sim, 'PRIVATE');
    sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: pg });
    sim.do('get_user_pages', { proc: 'p0', vpn, write: false, fast: false });
    expect(sim.frame(sim.state.refs.ref0!.pfn).type).toBe('SYSTEM');
  });
  it('EFAULT without VMA or for a write to a read-only VMA; ENOMEM when the fault cannot allocate', () => {
    const sim = new Sim('v6.1');
    expect(sim.do('get_user_pages', { proc: 'p0', vpn: 0, write: false, fast: false })).toEqual({ errno: 'EFAULT' });
    const { vpn } = sim.do('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'read' }) as { vpn: number };
    expect(sim.do('get_user_pages', { proc: 'p0', vpn, write: true, fast: false })).toEqual({ errno: 'EFAULT' });
    const { vpn: w } = sim.do('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' }) as { vpn: number };
    sim.do('fail_next_alloc', { where: 'system' });
    expect(sim.do('get_user_pages', { proc: 'p0', vpn: w, write: true, fast: false })).toEqual({ errno: 'ENOMEM' });
  });
  it('EREMOTEIO on a P2PDMA page', () => {
    const sim = new Sim('upstream');
    const pg = device(sim, 'PCI_P2PDMA', 'p2p', 1);
    const { vpn } = sim.do('mmap', { proc: 'p0', npages: 1, kind: 'dax', shared: true, prot: 'write', pgmap: pg }) as { vpn: number };
    expect(sim.do('get_user_pages', { proc: 'p0', vpn, write: false, fast: false })).toEqual({ errno: 'EREMOTEIO' });
  });
});

describe('migrate_vma_check_page per era', () => {
  it("'extra-ref' passes a ZONE_DEVICE page with one FOLL_GET reference, but folio_migrate_mapping refuses it", () => {
    const sim = new Sim('v6.1');
    const { vpn, dev } = coherentPage(sim, 5);
    sim.do('get_user_pages', { proc: 'p0', vpn, write: false, fast: false });
    const before = sim.state;
    expect(sim.do('migrate_to_ram', { proc: 'p0', vpn, npages: 1, pgmap: 'pgmap0' })).toEqual({ cpages: 0 });
    expect(sim.lastEvents).toEqual([{ ev: 'migrate-skip', pfn: dev, reason: 'refs' }]);
    // The page stays mapped and charged; the destination was allocated
    // (after the pre-check) and put back at finalize.
    expect(sim.state.procs.p0).toEqual(before.procs.p0);
    expect(sim.frame(dev)).toEqual(before.frames[dev]);
    const dst = Object.values(sim.state.frames).find((f) => f.allocs !== before.frames[f.pfn]!.allocs)!;
    expect(dst).toMatchObject({ type: 'SYSTEM', inUse: false, allocs: before.frames[dst.pfn]!.allocs + 1, frees: before.frames[dst.pfn]!.frees + 1 });
  });
  it("'device-always' (the DEVICE_COHERENT drafts) passes every coherent page to folio_migrate_mapping, which still wants the exact count", () => {
    const era = { enumValues: { PRIVATE: 1, COHERENT: 2, FS_DAX: 3, GENERIC: 4, PCI_P2PDMA: 5 }, migrateCheck: 'device-always' } as const;
    const clean = new Sim('v5.x', era);
    const a = coherentPage(clean, 5);
    expect(clean.do('migrate_to_ram', { proc: 'p0', vpn: a.vpn, npages: 1, pgmap: 'pgmap0' })).toEqual({ cpages: 1 });
    const held = new Sim('v5.x', era);
    const b = coherentPage(held, 5);
    held.do('get_user_pages', { proc: 'p0', vpn: b.vpn, write: false, fast: false });
    expect(held.do('migrate_to_ram', { proc: 'p0', vpn: b.vpn, npages: 1, pgmap: 'pgmap0' })).toEqual({ cpages: 0 });
    expect(held.lastEvents).toEqual([{ ev: 'migrate-skip', pfn: b.dev, reason: 'refs' }]);
  });
  it('a pin always keeps the page where it is', () => {
    const sim = new Sim('v6.1');
    const { vpn, dev } = coherentPage(sim, 5);
    sim.do('pin_user_pages', { proc: 'p0', vpn, write: false, longterm: false, fast: false });
    expect(sim.do('migrate_to_ram', { proc: 'p0', vpn, npages: 1, pgmap: 'pgmap0' })).toEqual({ cpages: 0 });
    expect(sim.lastEvents).toEqual([{ ev: 'migrate-skip', pfn: dev, reason: 'refs' }]);
  });
  it("v4.14 collects every device-private entry: another device's page moves to this pgmap", () => {
    const sim = new Sim('v4.14');
    const { vpn } = anonPage(sim, 17);
    const a = device(sim, 'PRIVATE', 'a', 1);
    const b = device(sim, 'PRIVATE', 'b', 1);
    sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: a });
    expect(sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: b })).toEqual({ cpages: 1, data: [17] });
    expect(sim.pte('p0', vpn)).toEqual({ kind: 'device-private', pfn: pgmapStart(1), write: true });
    expect(sim.frame(pgmapStart(0))).toMatchObject({ inUse: false, frees: 1 });
  });
});

describe('pin_user_pages / unpin_user_page', () => {
  it('a pin adds GUP_PIN_COUNTING_BIAS; the zero page is pinned without a reference', () => {
    const sim = new Sim('v6.1');
    const { vpn, pfn } = anonPage(sim);
    expect(sim.do('pin_user_pages', { proc: 'p0', vpn, write: false, longterm: true, fast: false })).toEqual({ pin: 'pin0' });
    expect(sim.refcount(pfn)).toBe(1 + GUP_PIN_COUNTING_BIAS);
    expect(sim.view().counters[pfn]!.pincount).toBe(1);
    const { vpn: z } = sim.do('mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'read' }) as { vpn: number };
    expect(sim.do('pin_user_pages', { proc: 'p0', vpn: z, write: false, longterm: false, fast: false })).toEqual({ pin: 'pin1' });
    expect(sim.state.pins.pin1!.pfn).toBe(0);
    expect(sim.do('unpin_user_page', { pin: 'pin0' })).toEqual({});
    expect(sim.refcount(pfn)).toBe(1);
    expect(sim.do('unpin_user_page', { pin: 'pin0' })).toEqual({ errno: 'EINVAL' });
  });
  it('long-term pin of COHERENT under upstream: exactly two outcomes (migrate+pin the copy; EBUSY)', () => {
    const sim = new Sim('upstream');
    const { vpn, dev } = coherentPage(sim, 50);
    const outs = sim.outcomes('pin_user_pages', { proc: 'p0', vpn, write: true, longterm: true, fast: false });
    expect(outs).toHaveLength(2);
    const [migrated, failed] = outs;
    expect(migrated!.result).toEqual({ pin: 'pin0' });
    const copy = migrated!.state.pins.pin0!.pfn;
    expect(migrated!.state.frames[copy]).toMatchObject({ type: 'SYSTEM', data: 50, memcg: 'm0' });
    expect(migrated!.state.procs.p0!.ptes[vpn]).toEqual({ kind: 'present', pfn: copy, write: true });
    expect(migrated!.state.frames[dev]).toMatchObject({ inUse: false, frees: 1 });
    expect(migrated!.events).toContainEqual({ ev: 'migrate', from: dev, to: copy });
    expect(failed!.result).toEqual({ errno: 'EBUSY' });
    expect(failed!.state).toEqual(sim.state);
  });
  it('long-term pin of COHERENT with an unexpected reference can only fail', () => {
    const sim = new Sim('v6.0');
    const { vpn } = coherentPage(sim);
    sim.do('get_user_pages', { proc: 'p0', vpn, write: false, fast: false });
    const outs = sim.outcomes('pin_user_pages', { proc: 'p0', vpn, write: false, longterm: true, fast: false });
    // Either design fails: migrate_device_coherent_folio allocates a
    // destination that folio_migrate_mapping then refuses (put back), or the
    // pin fails outright.
    expect(outs.map((o) => o.result)).toEqual([{ errno: 'EBUSY' }, { errno: 'EBUSY' }]);
    expect(outs[0]!.events).toEqual([{ ev: 'migrate-skip', pfn: 256, reason: 'refs' }]);
    expect(outs[1]!.state).toEqual(sim.state);
  });
  it("under a 'pin' era a long-term pin holds the device page (v4.14 PUBLIC)", () => {
    const sim = new Sim('v4.14');
    const { vpn } = anonPage(sim, 3);
    const pg = device(sim, 'PUBLIC');
    sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: pg });
    expect(sim.pte('p0', vpn)!.kind).toBe('present-devmap');
    expect(sim.do('pin_user_pages', { proc: 'p0', vpn, write: true, longterm: true, fast: false })).toEqual({ pin: 'pin0' });
    expect(sim.state.pins.pin0).toEqual({ pfn: pgmapStart(0), proc: 'p0', longterm: true, write: true });
  });
  it("under a 'fail' era the pin fails with the era's errno and the fault stays", () => {
    const sim = new Sim('v6.1', { longtermCoherent: 'fail', longtermCoherentErrno: 'EFAULT' });
    const { vpn } = coherentPage(sim);
    expect(sim.do('pin_user_pages', { proc: 'p0', vpn, write: false, longterm: true, fast: false })).toEqual({ errno: 'EFAULT' });
    expect(sim.state.pins).toEqual({});
  });
  it('FOLL_LONGTERM on an fsdax VMA is EOPNOTSUPP; a short-term pin is fine', () => {
    const sim = new Sim('v6.1');
    const pg = device(sim, 'FS_DAX', 'pmem', 1);
    const { vpn } = sim.do('mmap', { proc: 'p0', npages: 1, kind: 'dax', shared: true, prot: 'write', pgmap: pg }) as { vpn: number };
    expect(sim.do('pin_user_pages', { proc: 'p0', vpn, write: true, longterm: true, fast: false })).toEqual({ errno: 'EOPNOTSUPP' });
    expect(sim.pte('p0', vpn)).toBeUndefined();
    expect(sim.do('pin_user_pages', { proc: 'p0', vpn, write: true, longterm: false, fast: false })).toEqual({ pin: 'pin0' });
    // devmap era: the PTE takes no reference, the pin lifts the page off idle.
    expect(sim.pte('p0', vpn)).toEqual({ kind: 'present-devmap', pfn: pgmapStart(0), write: true });
    expect(sim.frame(pgmapStart(0))).toMatchObject({ inUse: true, allocs: 1 });
    expect(sim.refcount(pgmapStart(0))).toBe(1 + GUP_PIN_COUNTING_BIAS);
    sim.do('unpin_user_page', { pin: 'pin0' });
    expect(sim.frame(pgmapStart(0))).toMatchObject({ inUse: false, frees: 1 });
    expect(sim.refcount(pgmapStart(0))).toBe(1);
  });
});
