// The command line that re-runs one fast-check run of `zdspec check` exactly.
import type { SelectableCheck } from './checks.ts';
import { ALL_CHECKS } from './checks.ts';

// Shell-safe words pass as they are; anything else is single-quoted.
const quote = (w: string): string => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

export function replayCommand(o: {
  proposal: string;
  seed: number;
  path: string;
  checks: readonly SelectableCheck[];
  maxCommands: number;
  defaultMaxCommands: number;
}): string {
  const words = ['zdspec', 'check', o.proposal, '--seed', String(o.seed), '--path', o.path];
  if (o.maxCommands !== o.defaultMaxCommands) words.push('--max-commands', String(o.maxCommands));
  // The selection changes what fails first, so a partial one is part of the replay.
  if (o.checks.length !== ALL_CHECKS.length) for (const c of o.checks) words.push('--invariant', c);
  return words.map(quote).join(' ');
}
