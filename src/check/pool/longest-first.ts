// The order in which worker threads take a check's jobs: longest first, so
// the last job to start is a short one and no worker idles while another
// runs a long search alone (LPT scheduling). A job's length is what it
// took the last time it ran into the same report directory (that run's
// summary.json, read before it is replaced): how long a search takes is
// known only by running it — the headers' expected verdicts would say
// which searches run to the end, but the checker never reads those. A job
// with no record goes first (it may be long); ties keep the plan's order.
// Only the order of starting changes: each job's search, its files and the
// summary (in plan order) are the same whatever the order.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckJob } from './check-job.ts';

/** Each proposal's elapsed ms in the report directory's summary.json, by the name it was given; empty when there is none (or it is unreadable). */
export function previousDurations(reportDir: string): Map<string, number> {
  const file = join(reportDir, 'summary.json');
  const out = new Map<string, number>();
  if (!existsSync(file)) return out;
  try {
    const summary = JSON.parse(readFileSync(file, 'utf8')) as { proposals?: { proposal?: unknown; elapsedMs?: unknown }[] };
    for (const p of summary.proposals ?? []) if (typeof p.proposal === 'string' && typeof p.elapsedMs === 'number') out.set(p.proposal, p.elapsedMs);
  } catch {
    // An unreadable summary only costs the ordering.
  }
  return out;
}

/** The jobs' indexes in the order to start them. */
export function longestFirst(jobs: readonly CheckJob[], durations: ReadonlyMap<string, number>): number[] {
  const cost = (j: CheckJob) => durations.get(j.given) ?? Number.POSITIVE_INFINITY;
  return [...jobs].sort((a, b) => cost(b) - cost(a) || a.index - b.index).map((j) => j.index);
}
