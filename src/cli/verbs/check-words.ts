// The options of a `zdspec check` command line that decide its result, as
// words to repeat in the command that finishes an interrupted run.
import type { CheckFlags } from './check.ts';

export function checkWords(flags: CheckFlags, seed: number): string[] {
  const words = ['--seed', String(seed)];
  for (const id of flags.invariant ?? []) words.push('--invariant', id);
  if (flags.runs !== undefined) words.push('--runs', flags.runs);
  if (flags.maxCommands !== undefined) words.push('--max-commands', flags.maxCommands);
  if (flags.timeLimit !== undefined) words.push('--time-limit', flags.timeLimit);
  if (flags.hookTimeLimit !== undefined) words.push('--hook-time-limit', flags.hookTimeLimit);
  for (const op of flags.focus ?? []) words.push('--focus', op);
  for (const t of flags.types ?? []) words.push('--types', t);
  if (flags.threads) words.push('--threads');
  if (flags.schedule !== undefined) words.push('--schedule', flags.schedule);
  return words;
}
