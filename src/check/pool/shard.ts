// `zdspec check --shard i/n`: which jobs of a check's plan one of n machines
// runs. The rule: the jobs in plan order (the proposals as the command line
// lists them, --all first), dealt round-robin — job p (from 1) goes to
// shard ((p - 1) mod n) + 1.
//
// Why round-robin: it depends on nothing but the plan, never on the
// workers, the machine or the time a search took, so every machine of a CI
// matrix computes the same split from the same command line, and the
// shards differ in size by at most one job. zdspec has no fixed cost
// estimate that would stay true (a search's cost depends on when it first
// breaks an invariant, which is what it is run to find out); contiguous
// blocks would put neighbouring proposals — the built-ins are listed by
// era, and an era's searches cost alike — on one machine, round-robin
// spreads them. The report names (stems) are given over the whole plan
// before the split, so a shard's files are named as in one unsharded run.
import type { CheckJob } from './check-job.ts';

export interface Shard {
  /** From 1. */
  readonly index: number;
  readonly count: number;
}

/** What a shard's summary records: the shard, the whole plan, and the plan positions it ran. */
export interface ShardInfo extends Shard {
  /** Every job of the whole plan, in plan order: the proposals as given. */
  readonly plan: readonly string[];
  /** The positions in `plan` (from 1, as shards are numbered) of the jobs this shard ran. */
  readonly jobs: readonly number[];
}

/** The plan positions (from 1) shard `shard` runs out of `total` jobs. */
export function shardPositions(total: number, shard: Shard): number[] {
  const out: number[] = [];
  for (let p = shard.index; p <= total; p += shard.count) out.push(p);
  return out;
}

/**
 * The shard's jobs, numbered again from 0 (a job's index is its place in
 * this run's summary), and what its summary records.
 */
export function selectShard(jobs: readonly CheckJob[], shard: Shard): { jobs: CheckJob[]; info: ShardInfo } {
  const positions = shardPositions(jobs.length, shard);
  const mine = positions.map((p, index) => ({ ...(jobs[p - 1] as CheckJob), index }));
  return { jobs: mine, info: { ...shard, plan: jobs.map((j) => j.given), jobs: positions } };
}
