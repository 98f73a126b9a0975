// The command line that re-runs one fast-check run of `zdspec check` exactly,
// with nothing a default already gives: the proposal, --seed and --path
// always (they pick the run), --max-commands only when it is not the default
// (it shapes the generated commands), and the checks only when the
// selection was partial (which check fails first depends on it). --runs and
// --time-limit are left out: with --path the run is replayed, not searched for.
// The text report wraps a long one (src/report/wrap-command.ts).
import type { SelectableCheck } from './checks.ts';
import { ALL_CHECKS, isSelectableCheck } from './checks.ts';
import { shellQuote } from '../util/shell-quote.ts';
import type { Focus } from '../../models/focus.ts';

export function replayCommand(o: {
  proposal: string;
  seed: number;
  path: string;
  checks: readonly SelectableCheck[];
  /** The check that failed: with a partial selection, naming it alone replays the same failure. */
  found?: string;
  maxCommands: number;
  defaultMaxCommands: number;
  /** The generator's focus: it shapes the generated commands, so the replay needs it. */
  focus?: Focus;
}): string {
  const words = ['zdspec', 'check', o.proposal, '--seed', String(o.seed), '--path', o.path];
  if (o.maxCommands !== o.defaultMaxCommands) words.push('--max-commands', String(o.maxCommands));
  if (o.focus?.ops?.length) words.push('--focus', o.focus.ops.join(','));
  if (o.focus?.types?.length) words.push('--types', o.focus.types.join(','));
  if (o.focus?.threads) words.push('--threads');
  if (o.focus?.schedule === 'pct') words.push('--schedule', 'pct');
  // Every check, in any order or repeated, is the default selection; a
  // partial one is listed once each, in the canonical order.
  // With a partial selection, the check that failed is enough: the run at
  // --path is the same and fails the same check at the same step (fewer
  // checks can only make fewer steps fail).
  const selected = new Set(o.checks);
  if (ALL_CHECKS.some((c) => !selected.has(c))) {
    const only = o.found !== undefined && isSelectableCheck(o.found) && selected.has(o.found) ? [o.found] : ALL_CHECKS.filter((c) => selected.has(c));
    for (const c of only) words.push('--invariant', c);
  }
  return words.map(shellQuote).join(' ');
}
