import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from './checks.ts';
import { replayCommand } from './replay-command.ts';

const base = { proposal: 'coherent-v1', seed: 1, path: '5:3:4@FABTv:V', checks: ALL_CHECKS, maxCommands: 40, defaultMaxCommands: 40 };

describe('replayCommand', () => {
  it('names only the proposal, seed and path when every option is the default', () => {
    expect(replayCommand(base)).toBe('zdspec check coherent-v1 --seed 1 --path 5:3:4@FABTv:V');
    // Every check in another order, or repeated, is still the whole selection.
    expect(replayCommand({ ...base, checks: [...ALL_CHECKS].reverse().concat(ALL_CHECKS) })).toBe(replayCommand(base));
  });

  it('keeps a non-default --max-commands and a partial selection, once each in canonical order', () => {
    const command = replayCommand({ ...base, seed: -7, maxCommands: 30, checks: ['refinement', 'free-once', 'refcount-expected', 'free-once'] });
    expect(command).toBe('zdspec check coherent-v1 --seed -7 --path 5:3:4@FABTv:V --max-commands 30 --invariant free-once --invariant refcount-expected --invariant refinement');
  });

  it('with a partial selection names only the check that failed (it replays the same failure)', () => {
    const secondRound = ALL_CHECKS.filter((c) => c !== 'no-longterm-pin-coherent');
    expect(replayCommand({ ...base, checks: secondRound, found: 'coherent-evictable' })).toBe('zdspec check coherent-v1 --seed 1 --path 5:3:4@FABTv:V --invariant coherent-evictable');
    // A proposal fault is always checked: the selection stays as it was.
    expect(replayCommand({ ...base, checks: ['free-once'], found: 'proposal-crashed' })).toBe('zdspec check coherent-v1 --seed 1 --path 5:3:4@FABTv:V --invariant free-once');
  });

  it('shell-quotes a proposal path that needs it', () => {
    expect(replayCommand({ ...base, proposal: "/tmp/my series/it's.ts" })).toBe(`zdspec check '/tmp/my series/it'\\''s.ts' --seed 1 --path 5:3:4@FABTv:V`);
  });
});
