// One job's semantic coverage (a proposal's search, in a worker) and the
// run's (every job merged on the main thread): the counts add up, a cell is
// asked for when some job's era asks for it, and what each class misses is
// read off the merged counts.
import type { Era } from '../../../models/eras/era.ts';
import type { Focus } from '../../../models/focus.ts';
import { invariantsOf, type SelectableCheck } from '../../check/checks.ts';
import { focusedEra } from '../../check/focus.ts';
import { eraTypes } from '../../check/handles.ts';
import type { CommandStats } from '../../check/stats.ts';
import type { SemanticCollector } from './collector.ts';
import { COLUMNS, addCounts, emptyCounts, reached, sum, type Column, type SemanticCounts } from './counts.ts';
import { COVERAGE_CLASSES, scopeOf, unionScope, type CoverageClass, type Scope } from './scope.ts';

export interface JobSemantic {
  /** The proposal as given on the command line. */
  readonly proposal: string;
  readonly era: string;
  /** SYSTEM and the memory types the generator could create (the era's, narrowed by --types). */
  readonly types: readonly Column[];
  readonly counts: SemanticCounts;
  readonly scope: Scope;
}

/** A finished job's coverage: the collector's counts, the commands it skipped, the cells its era asks for. */
export function jobSemantic(proposal: string, era: Era, focus: Focus | undefined, checks: readonly SelectableCheck[], stats: CommandStats, collector: SemanticCollector): JobSemantic {
  collector.addSkips(stats);
  const seen = focusedEra(era, focus);
  return { proposal, era: era.name, types: ['SYSTEM', ...eraTypes(seen)], counts: collector.counts, scope: scopeOf(seen, invariantsOf(checks)) };
}

export interface SemanticCoverage {
  readonly jobs: readonly JobSemantic[];
  readonly total: SemanticCounts;
  readonly scope: Scope;
  /** The heatmap's columns: SYSTEM, every memory type some job could create, then 'none'. */
  readonly columns: readonly Column[];
}

export function mergeJobs(jobs: readonly JobSemantic[]): SemanticCoverage {
  const total = emptyCounts();
  for (const j of jobs) addCounts(total, j.counts);
  const types = new Set<Column>(jobs.flatMap((j) => j.types));
  return {
    jobs,
    total,
    scope: unionScope(jobs.map((j) => j.scope)),
    columns: COLUMNS.filter((c) => c === 'SYSTEM' || c === 'none' || types.has(c)),
  };
}

/** Whether one cell of a class was reached. */
export function isReached(total: SemanticCounts, cls: CoverageClass, cell: string): boolean {
  switch (cls) {
    case 'ops': {
      const row = total.ops[cell as keyof SemanticCounts['ops']];
      return row !== undefined && Object.values(row).some((t) => (t.success ?? 0) > 0);
    }
    case 'op-types': {
      const [op, type] = cell.split(' × ') as [keyof SemanticCounts['ops'], Column];
      return reached(total.ops[op]?.[type]) > 0;
    }
    case 'hooks':
      return sum(total.hooks[cell]) > 0;
    case 'invariants':
      return (total.invariants[cell as keyof SemanticCounts['invariants']]?.applicable ?? 0) > 0;
    case 'interleavings':
      return (total.interleavings?.[cell]?.resumed ?? 0) > 0;
    case 'pte-transitions': {
      if (cell.startsWith('→')) {
        const kind = cell.slice(1);
        return Object.entries(total.pte).some(([from, to]) => from !== kind && (to[kind] ?? 0) > 0);
      }
      const kind = cell.slice(0, -1);
      return Object.entries(total.pte[kind] ?? {}).some(([to, n]) => to !== kind && n > 0);
    }
  }
}

export interface ClassCoverage {
  readonly cls: CoverageClass;
  readonly cells: number;
  readonly reached: number;
  /** The cells asked for and never reached, in scope order. */
  readonly missing: readonly string[];
}

export function classCoverage(cov: SemanticCoverage, cls: CoverageClass): ClassCoverage {
  const cells = cov.scope[cls];
  const missing = cells.filter((cell) => !isReached(cov.total, cls, cell));
  return { cls, cells: cells.length, reached: cells.length - missing.length, missing };
}

export const allClassCoverage = (cov: SemanticCoverage): ClassCoverage[] => COVERAGE_CLASSES.map((c) => classCoverage(cov, c));
