// Where a search should look hardest: operations to generate more often and
// the memory types to create. Data only: a mutant carries one, a reviewer
// gives one on the command line (`check --focus`, `--types`); the checker's
// generator applies it (src/check/focus.ts).
import type { OpName } from './ops.ts';
import type { MemoryType } from './vocabulary.ts';

export interface Focus {
  readonly ops?: readonly OpName[];
  readonly types?: readonly MemoryType[];
  /** Also start CPU accesses as a thread of their own and resume it later (issue 12: `check --threads`). */
  readonly threads?: boolean;
  /**
   * How paused threads are scheduled: 'uniform' (default) — resume commands
   * drawn like any other; 'pct' — each run draws a PCT plan (random thread
   * priorities, one change point) that decides when a paused thread goes on.
   */
  readonly schedule?: 'uniform' | 'pct';
}
