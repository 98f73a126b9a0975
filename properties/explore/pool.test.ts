// The parallel explore (src/explore/pool/) gives what the single-threaded
// search gives: the same stop, states per depth, transitions and — merged
// in the same order — the same counterexample, for a violation and for a
// search that holds, with hashed and with exact keys. Small searches (the
// suite's time: starting the workers is most of it); the deep job compares
// larger ones (properties/deep/explore-pool.test.ts).
import { describe, expect, it } from 'vitest';
import type { OpName } from '../../models/ops.ts';
import { DEFAULT_BOUNDS } from '../../src/explore/bounds.ts';
import { resolveBuiltin } from '../../models/proposals/resolve-proposal.ts';
import { explorePool } from '../../src/explore/pool/explore-pool.ts';
import { bothWays } from './both-ways.ts';

const OPS: readonly OpName[] = ['memremap_pages', 'mmap', 'cpu_write', 'migrate_to_device', 'memory_failure'];

describe('explore --workers 2', () => {
  it('cdm-numa-rfc: the same shortest counterexample, states and transitions as one thread', async () => {
    const r = await bothWays('cdm-numa-rfc', { depth: 3, bounds: { ...DEFAULT_BOUNDS, types: ['PRIVATE', 'COHERENT'] }, ops: OPS });
    expect(r.stop).toBe('violation');
  });

  it('upstream: the same states per depth and transitions, with exact keys', async () => {
    const options = { depth: 2, bounds: { ...DEFAULT_BOUNDS, types: ['PRIVATE'] as const }, ops: [...OPS, 'fork' as const] };
    expect((await bothWays('upstream', { ...options, exact: true })).stop).toBe('complete');
  });

  it('--max-memory stops cleanly, complete to the depth whose every transition was judged', async () => {
    const options = { depth: 3, bounds: { ...DEFAULT_BOUNDS, types: ['PRIVATE'] as const }, ops: OPS, maxMemoryBytes: 1 };
    const r = await explorePool('upstream', resolveBuiltin('upstream'), options, 2);
    expect(r.stop).toBe('max-memory');
    expect(r.completeDepth).toBeGreaterThanOrEqual(1);
    expect(r.frontier.reduce((a, b) => a + b, 0)).toBe(r.states);
  });
});
