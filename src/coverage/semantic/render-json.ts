// semantic-coverage.json: the merged counts, the classes with the cells they
// miss, what --min-semantic-coverage required, and each proposal's own counts
// and scope (read back by read-semantic-coverage.ts).
import { CLASS_MEANING, type CoverageClass } from './scope.ts';
import { allClassCoverage, type SemanticCoverage } from './merge.ts';

export interface SemanticRunInfo {
  readonly generated: string;
  readonly seed: number;
  /** --min-semantic-coverage: the classes required. */
  readonly required: readonly CoverageClass[];
}

export function semanticJson(cov: SemanticCoverage, info: SemanticRunInfo): string {
  const classes = allClassCoverage(cov);
  const failed = classes.filter((c) => info.required.includes(c.cls) && c.missing.length > 0).map((c) => c.cls);
  const doc = {
    generated: info.generated,
    seed: info.seed,
    proposals: cov.jobs.map((j) => ({ proposal: j.proposal, era: j.era, steps: j.counts.steps })),
    columns: cov.columns,
    steps: cov.total.steps,
    ops: cov.total.ops,
    pteTransitions: cov.total.pte,
    hooks: cov.total.hooks,
    interleavings: cov.total.interleavings,
    invariants: cov.total.invariants,
    classes: Object.fromEntries(classes.map((c) => [c.cls, { meaning: CLASS_MEANING[c.cls], cells: c.cells, reached: c.reached, missing: c.missing }])),
    minimum: { required: info.required, failed },
    // `scope`: the cells its era asks for — what merge-reports needs to merge the jobs again (merge.ts).
    byProposal: cov.jobs.map((j) => ({ proposal: j.proposal, era: j.era, types: j.types, counts: j.counts, scope: j.scope })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
