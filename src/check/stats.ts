// Per-command counters: how often each command was generated and reached
// (check), skipped for want of a handle, and run. A high skip rate means a
// command's choices rarely resolve and its weight is wasted.
import type { OpName } from '../../models/ops.ts';
import { OP_NAMES } from '../../models/ops.ts';

export interface CommandCounts {
  checked: number;
  skipped: number;
  /** Resolved to a prerequisite step instead (commands/prerequisite.ts). */
  substituted: number;
  ran: number;
}

export type CommandStats = Record<OpName, CommandCounts>;

export function emptyStats(): CommandStats {
  const stats = {} as CommandStats;
  for (const op of OP_NAMES) stats[op] = { checked: 0, skipped: 0, substituted: 0, ran: 0 };
  return stats;
}

export function totalRan(stats: CommandStats): number {
  let n = 0;
  for (const op of OP_NAMES) n += stats[op].ran;
  return n;
}

/** Skipped / checked, 0 when never checked. */
export const skipRate = (c: CommandCounts): number => (c.checked === 0 ? 0 : c.skipped / c.checked);
