// The checker's command generator offers only what the era has:
// migrate_device_range from v6.1 (e778406b40db), pfns reserved at the start
// of a pgmap (an altmap) now and then.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EraName } from '../models/eras/era.ts';
import { ERAS } from '../models/eras/registry.ts';
import type { Step } from '../models/ops.ts';
import { reference } from '../models/reference/reference.ts';
import type { AbsState } from '../models/state.ts';
import { NEXT } from '../src/check/next.ts';

/** p0 with a PRIVATE page migrated onto pgmap0: every driver command has something to act on. */
function stateWithDevicePage(era: EraName): AbsState {
  const e = ERAS[era];
  let s = reference.init(e);
  const steps: Step[] = [
    { op: 'memremap_pages', args: { type: 'PRIVATE', owner: 'dmirror0', npages: 4 } },
    { op: 'mmap', args: { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' } },
    { op: 'cpu_write', args: { proc: 'p0', vpn: 0, value: 1 } },
    { op: 'migrate_to_device', args: { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' } },
  ];
  for (const step of steps) s = reference.step(e, s, step)[0]!.state;
  return s;
}

function generatedOps(entry: keyof typeof NEXT, era: EraName): string[] {
  const s = stateWithDevicePage(era);
  return fc.sample(NEXT[entry].generate(ERAS[era]), { numRuns: 50, seed: 3 }).map((b) => b.resolve(s, ERAS[era])?.op ?? 'skipped');
}

describe('the Next relation by era', () => {
  it.each<EraName>(['v4.14', 'v5.x', 'v6.0'])('%s: migrate_device_range is never generated; its turn evicts over the VMA', (era) => {
    const ops = new Set(generatedOps('migrate_device_range', era));
    expect(ops.has('migrate_device_range')).toBe(false);
    expect(ops.has('migrate_to_ram')).toBe(true);
  });

  it.each<EraName>(['v6.1', 'upstream'])('%s: migrate_device_range is generated', (era) => {
    expect(new Set(generatedOps('migrate_device_range', era))).toEqual(new Set(['migrate_device_range']));
  });

  it('memremap_pages mostly keeps the old shape and now and then reserves a pfn (an altmap, any type)', () => {
    const s = reference.init(ERAS.upstream);
    const steps = fc.sample(NEXT.memremap_pages.generate(ERAS.upstream), { numRuns: 400, seed: 11 }).map((b) => b.resolve(s, ERAS.upstream));
    const reserved = steps.filter((st) => st?.op === 'memremap_pages' && st.args.reserved !== undefined);
    expect(reserved.length).toBeGreaterThan(0);
    expect(reserved.length).toBeLessThan(steps.length / 4);
    for (const st of reserved) expect(st?.op === 'memremap_pages' && st.args.npages).toBeGreaterThan(1);
    expect(new Set(reserved.map((st) => (st?.op === 'memremap_pages' ? st.args.type : undefined))).size).toBeGreaterThan(2);
  });
});
