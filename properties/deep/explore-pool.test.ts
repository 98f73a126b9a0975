// The parallel explore against the single-threaded one on larger searches
// than the everyday suite's (properties/explore/pool.test.ts).
import { describe, expect, it } from 'vitest';
import type { OpName } from '../../models/ops.ts';
import { DEFAULT_BOUNDS } from '../../src/explore/bounds.ts';
import { bothWays } from '../explore/both-ways.ts';

const OPS: readonly OpName[] = ['memremap_pages', 'mmap', 'migrate_to_device', 'pin_user_pages', 'fork'];

describe('explore --workers, deep', () => {
  it('coherent-v1: the same shortest counterexample at 2 and 3 workers', async () => {
    const options = { depth: 5, bounds: { ...DEFAULT_BOUNDS, types: ['COHERENT'] as const }, ops: OPS };
    expect((await bothWays('coherent-v1', options)).violation?.finding.check).toBe('no-longterm-pin-coherent');
    await bothWays('coherent-v1', options, 3);
  });

  it('upstream: the same states and transitions at depth 3, hashed and exact', async () => {
    const options = { depth: 3, bounds: DEFAULT_BOUNDS, ops: OPS };
    expect((await bothWays('upstream', options)).stop).toBe('complete');
    await bothWays('upstream', { ...options, exact: true });
  });
});
