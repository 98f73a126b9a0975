// The check's default budget, in a module of its own: the CLI's option
// help reads it without loading the checker (check-run.ts re-exports it).
import { DEFAULT_HANG_BASE_MS } from './hang-limit.ts';

export const CHECK_DEFAULTS = { runs: 1000, maxCommands: 40, hookTimeLimitMs: DEFAULT_HANG_BASE_MS } as const;
