// Which reports merge-reports may merge, and in what order their proposals
// go. They must be parts of one check: the same zdspec version, seed and
// options (a merged verdict table over different budgets or invariants
// would read as one run's and be none's); the first field that differs is
// named. Shards (check --shard i/n) must all be shards of one plan, each
// once, none missing; their proposals go back to plan order, so the merged
// summary reads as one unsharded run's. Reports without shard info (whole
// runs) keep the order given.
import { InputError } from '../../cli/bad-input.ts';
import type { RunInfo } from '../summary.ts';
import type { InputReport, ReportRow } from './read-report.ts';

export interface Combined {
  readonly rows: readonly ReportRow[];
  /** The merged run's facts; `merged.renamed` is the writer's to fill. */
  readonly info: RunInfo;
}

const show = (v: unknown): string => (v === undefined ? 'not set' : JSON.stringify(v));

/** The first of zdspec, seed, options.* on which `b` differs from `a`. */
function differingField(a: RunInfo, b: RunInfo): { field: string; a: unknown; b: unknown } | undefined {
  if (a.zdspec !== b.zdspec) return { field: 'zdspec', a: a.zdspec, b: b.zdspec };
  if (a.seed !== b.seed) return { field: 'seed', a: a.seed, b: b.seed };
  for (const key of new Set([...Object.keys(a.options), ...Object.keys(b.options)])) {
    if (JSON.stringify(a.options[key]) !== JSON.stringify(b.options[key])) return { field: `options.${key}`, a: a.options[key], b: b.options[key] };
  }
  return undefined;
}

function checkSameCheck(inputs: readonly InputReport[]): void {
  const [first, ...rest] = inputs as [InputReport, ...InputReport[]];
  for (const r of rest) {
    const d = differingField(first.info, r.info);
    if (d !== undefined) {
      throw new InputError(
        `merge-reports: ${r.summaryFile}: ${d.field} is ${show(d.b)}, but ${first.summaryFile} has ${show(d.a)}: only reports of one check (same zdspec version, seed and options) merge`,
      );
    }
  }
}

/** Shards: one plan, each shard once, none missing; the rows in plan order. */
function shardRows(inputs: readonly InputReport[]): ReportRow[] {
  const sharded = inputs.filter((r) => r.info.shard !== undefined);
  const whole = inputs.find((r) => r.info.shard === undefined);
  const first = sharded[0];
  if (first?.info.shard === undefined) return inputs.flatMap((r) => r.rows);
  if (whole !== undefined)
    throw new InputError(
      `merge-reports: ${whole.summaryFile}: no shard, but ${first.summaryFile} is shard ${first.info.shard.index}/${first.info.shard.count}: merge the shards of one check, or whole runs, not both`,
    );
  const { count, plan } = first.info.shard;
  const seen = new Map<number, InputReport>();
  for (const r of sharded) {
    const s = r.info.shard!;
    if (s.count !== count) throw new InputError(`merge-reports: ${r.summaryFile}: shard.count is ${s.count}, but ${first.summaryFile} has ${count}: shards of one check split it the same way`);
    if (JSON.stringify(s.plan) !== JSON.stringify(plan))
      throw new InputError(`merge-reports: ${r.summaryFile}: shard.plan is ${show(s.plan)}, but ${first.summaryFile} has ${show(plan)}: shards of one check share its plan`);
    const twice = seen.get(s.index);
    if (twice !== undefined) throw new InputError(`merge-reports: shard ${s.index}/${count} given twice: ${twice.dir} and ${r.dir}`);
    seen.set(s.index, r);
    if (s.jobs.length !== r.rows.length || r.rows.some((row, k) => plan[(s.jobs[k] ?? 0) - 1] !== row.summary.proposal)) {
      throw new InputError(`merge-reports: ${r.summaryFile}: shard.jobs: expected the plan positions of its ${r.rows.length} proposals, got ${show(s.jobs)}`);
    }
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) {
    const given = [...seen.keys()].sort((a, b) => a - b).map((i) => `${i}/${count}`);
    throw new InputError(`merge-reports: shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} missing (given: ${given.join(', ')})`);
  }
  const byPosition: ReportRow[] = [];
  for (const r of sharded) r.info.shard!.jobs.forEach((p, k) => void (byPosition[p - 1] = r.rows[k]!));
  return byPosition;
}

export function combineReports(inputs: readonly InputReport[]): Combined {
  checkSameCheck(inputs);
  const rows = shardRows(inputs);
  const infos = inputs.map((r) => r.info);
  const interrupted = inputs.filter((r) => r.info.interrupted !== undefined);
  const first = infos[0]!;
  const info: RunInfo = {
    zdspec: first.zdspec,
    node: [...new Set(infos.map((i) => i.node))].join(', '),
    // When the first part started; the work of all the parts.
    generated: infos.map((i) => i.generated).sort()[0]!,
    durationMs: infos.reduce((sum, i) => sum + i.durationMs, 0),
    seed: first.seed,
    options: first.options,
    ...(interrupted.length === 0
      ? {}
      : {
          interrupted: {
            signal: [...new Set(interrupted.map((r) => r.info.interrupted!.signal))].join(', '),
            finish: interrupted.map((r) => r.info.interrupted!.finish).join('; '),
          },
        }),
    merged: {
      inputs: inputs.map((r) => ({
        dir: r.dir,
        ...(r.info.shard ? { shard: `${r.info.shard.index}/${r.info.shard.count}` } : {}),
        generated: r.info.generated,
        durationMs: r.info.durationMs,
        ...(r.info.interrupted ? { interrupted: r.info.interrupted.signal } : {}),
      })),
      renamed: [],
    },
  };
  return { rows, info };
}
