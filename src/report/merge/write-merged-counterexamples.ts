// Every counterexample file of the merged reports, copied into the merged
// directory (through its writer: atomic, in its manifest) and moved there
// (relocate-counterexample.ts). Shards of one check never share a file name
// (the stems are given over the whole plan); separate runs may — the same
// proposal checked twice, two files both called my-series — and then the
// later one keeps its files under the first free `<stem>-2`, `<stem>-3`, ...
// (as the check names two proposals of one name), and the rename is
// reported. Returns the rows naming the files where they now are.
import { join, relative, resolve } from 'node:path';
import type { Counterexample } from '../../check/counterexample.ts';
import { isBuiltinName } from '../../proposals/load-proposal.ts';
import type { ReportDir } from '../report-dir.ts';
import type { CounterexamplePaths } from '../render-counterexample.ts';
import type { ProposalSummary } from '../summary.ts';
import { counterexamplePaths } from '../write-counterexample.ts';
import type { ReportRow } from './read-report.ts';
import { relocateMarkdown, relocateText, relocateTrace } from './relocate-counterexample.ts';

export interface MergedCounterexamples {
  readonly rows: readonly ProposalSummary[];
  /** Each counterexample's text report, for junit.xml and index.html. */
  readonly texts: ReadonlyMap<Counterexample, string>;
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
}

const fileNames = (row: ReportRow, stem: string): string[] => [
  ...row.found.flatMap((f) => ['txt', 'md', 'json'].map((ext) => `${stem}.${f.cx.check}.${ext}`)),
  ...row.unshrunk.map((u) => `${stem}.${u.check}.unshrunk.json`),
];

export function writeMergedCounterexamples(out: ReportDir, rows: readonly ReportRow[]): MergedCounterexamples {
  const taken = new Set<string>();
  const texts = new Map<Counterexample, string>();
  const renamed: { from: string; to: string }[] = [];
  const merged = rows.map((row): ProposalSummary => {
    if (row.stem === undefined) return row.summary;
    let stem = row.stem;
    for (let n = 2; fileNames(row, stem).some((f) => taken.has(f)); n++) stem = `${row.stem}-${n}`;
    for (const f of fileNames(row, stem)) taken.add(f);
    if (stem !== row.stem) renamed.push({ from: join(row.dir, row.stem), to: stem });
    const isFile = !isBuiltinName(row.summary.proposal);
    // As plan-jobs.ts names a proposal file in a trace: relative to the report directory.
    const traceProposal = isFile ? relative(resolve(out.path), resolve(row.summary.proposal)) : undefined;
    const files: Record<string, CounterexamplePaths> = {};
    const found = row.found.map((f) => {
      const to = counterexamplePaths(out.path, `${stem}.${f.cx.check}`);
      const move = { fromJson: f.paths.json, to, proposalIsFile: isFile, ...(traceProposal === undefined ? {} : { traceProposal }) };
      const txt = relocateText(f.txt, f.cx.replay, move);
      out.write(`${stem}.${f.cx.check}.txt`, txt);
      out.write(`${stem}.${f.cx.check}.md`, relocateMarkdown(f.md, move));
      out.write(`${stem}.${f.cx.check}.json`, relocateTrace(f.json, traceProposal));
      const cx: Counterexample = traceProposal === undefined ? f.cx : { ...f.cx, trace: { ...f.cx.trace, proposal: traceProposal } };
      texts.set(cx, txt);
      files[cx.check] = to;
      return cx;
    });
    const unshrunk = Object.fromEntries(row.unshrunk.map((u) => [u.check, out.write(`${stem}.${u.check}.unshrunk.json`, relocateTrace(u.json, traceProposal))]));
    return { ...row.summary, found, files, unshrunk };
  });
  return { rows: merged, texts, renamed };
}
