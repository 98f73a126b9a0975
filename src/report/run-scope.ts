// What part of a check a summary covers, said in its reports: one shard of
// a plan (`check --shard i/n`: which jobs of the whole plan it ran), or a
// merge of several reports (`merge-reports`: which, and which counterexample
// files were renamed because two reports used the same name). Nothing for an
// ordinary run.
import type { ShardInfo } from '../check/pool/shard.ts';

export interface MergedInput {
  /** The report directory as given to merge-reports. */
  readonly dir: string;
  /** "i/n" when it was a shard. */
  readonly shard?: string;
  readonly generated: string;
  readonly durationMs: number;
  /** The signal that interrupted it. */
  readonly interrupted?: string;
}

export interface MergedInfo {
  readonly inputs: readonly MergedInput[];
  /** Counterexample files whose stem another report had already: `from` (input dir/stem) now `to` (stem). */
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
}

export interface RunScope {
  readonly shard?: ShardInfo;
  readonly merged?: MergedInfo;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Sentences (unwrapped) for the text and Markdown summaries and index.html. */
export function runScopeLines(scope: RunScope): string[] {
  const out: string[] = [];
  const s = scope.shard;
  if (s !== undefined) {
    out.push(
      s.jobs.length === 0
        ? `Shard ${s.index}/${s.count}: no job (the plan has ${s.plan.length}; shards beyond it run nothing).`
        : `Shard ${s.index}/${s.count}: jobs ${s.jobs.join(', ')} of ${s.plan.length} (${s.jobs.map((p) => s.plan[p - 1]).join(', ')}).`,
    );
  }
  const m = scope.merged;
  if (m !== undefined) {
    const inputs = m.inputs.map((i) => `${i.dir} (${[...(i.shard ? [`shard ${i.shard}`] : []), seconds(i.durationMs), ...(i.interrupted ? [`interrupted by ${i.interrupted}`] : [])].join(', ')})`);
    out.push(`Merged from ${m.inputs.length} report${m.inputs.length === 1 ? '' : 's'}: ${inputs.join(', ')}; duration: their sum.`);
    if (m.renamed.length > 0) out.push(`Counterexample stems renamed (another report had them): ${m.renamed.map((r) => `${r.from} → ${r.to}`).join(', ')}.`);
  }
  return out;
}
