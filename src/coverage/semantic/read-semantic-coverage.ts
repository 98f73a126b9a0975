// A report directory's semantic-coverage.json read back as the jobs it was
// merged from (its byProposal entries: counts, memory types, scope), so that
// merge-reports merges the jobs of several runs again with merge.ts — the
// one merge of semantic counts — rather than adding up merged totals.
import { existsSync } from 'node:fs';
import { readJsonObject } from '../../report/merge/json-fields.ts';
import type { Column, SemanticCounts } from './counts.ts';
import type { JobSemantic } from './merge.ts';
import { COVERAGE_CLASSES, type Scope } from './scope.ts';

/** The jobs, or why there are none to merge (no file; written before it recorded each job's scope). */
export function readSemanticCoverage(file: string): readonly JobSemantic[] | { readonly missing: string } {
  if (!existsSync(file)) return { missing: `${file}: no such file` };
  const root = readJsonObject(file, 'the semantic-coverage.json of a zdspec check');
  const jobs = root.objs('byProposal');
  if (jobs.some((j) => !j.has('scope'))) return { missing: `${file}: byProposal has no scope (written by an older zdspec)` };
  return jobs.map((j) => {
    const scope = j.obj('scope');
    return {
      proposal: j.str('proposal'),
      era: j.str('era'),
      types: j.strs('types') as Column[],
      counts: j.obj('counts').value as unknown as SemanticCounts,
      // A class added since the file was written: it asked for no cell of it.
      scope: Object.fromEntries(COVERAGE_CLASSES.map((c) => [c, scope.has(c) ? scope.strs(c) : []])) as Scope,
    };
  });
}
