// `zdspec merge-reports OUT DIR...`: the report directories of a check's
// shards (check --shard i/n), or of separate runs of one check's options,
// merged into OUT (src/report/merge/). The exit code is the merged run's:
// the judge's when the shards ran with --judge, else whether every merged
// proposal holds.
import { Command } from 'commander';
import { shortLines } from '../../coverage/semantic/write-semantic-coverage.ts';
import { judgementFails, judgeRows } from '../../judge/judge-rows.ts';
import { mergeReports } from '../../report/merge/merge-reports.ts';
import { cli, say } from '../cli-context.ts';
import { EXIT } from '../exit-codes.ts';
import { printRunEnd } from './print-run-end.ts';

interface MergeFlags {
  readonly json?: boolean;
  readonly quiet?: boolean;
}

const EXAMPLES = `
Examples:
  $ zdspec check --all --judge --seed 7 --shard 1/2 --report-dir reports/1
  $ zdspec check --all --judge --seed 7 --shard 2/2 --report-dir reports/2
  $ zdspec merge-reports reports/all reports/1 reports/2

OUT gets what one check of every proposal would have written: summary.txt,
.md and .json (verdicts, seed, options; the duration is the parts' sum),
junit.xml, every counterexample file (.txt, .md, .json; a name two reports
both used is kept twice, the second as <stem>-2.*, and said), the semantic
coverage and the --coverage report when every input has them, and
index.html. The inputs must be of one check: the same zdspec version, seed
and options (the field that differs is named); shards each once, none
missing. Proposal files are named relative to the working directory, as
the check named them: merge from the directory the check ran in.

Exit codes: 0 every merged proposal holds (with --judge shards: every
verdict matches its built-in's header); 1 a violation, a mismatch, an
unfinished proposal (an interrupted shard: the summary says interrupted)
or semantic coverage below the check's --min-semantic-coverage; 2 bad
input (a missing directory, no summary.json, reports of different checks,
a shard twice or missing).`;

export function mergeReportsCommand(): Command {
  return new Command('merge-reports')
    .description("merge the report directories of a check's shards (or of separate runs of the same options) into one")
    .argument('<out>', 'the merged report directory (created; the files of its previous run removed first)')
    .argument('<dirs...>', 'report directories written by zdspec check')
    .option('--json', 'print the merged summary as JSON on stdout')
    .option('-q, --quiet', 'print only the final verdicts')
    .addHelpText('after', EXAMPLES)
    .action(async (out: string, dirs: string[], flags: MergeFlags) => {
      const { io, colors: c } = cli();
      const m = await mergeReports(out, dirs);
      const note = (line: string) => (flags.json ? io.err(`${line}\n`) : say(c.yellow(line)));
      if (!flags.quiet && !flags.json) {
        const shards = m.inputs.flatMap((r) => (r.info.shard ? [`${r.info.shard.index}/${r.info.shard.count}`] : []));
        say(
          c.bold(
            `zdspec merge-reports: ${m.inputs.length} report${m.inputs.length === 1 ? '' : 's'}${shards.length ? ` (shards ${shards.join(', ')})` : ''}, ${m.rows.length} proposals, seed ${m.info.seed}; merged into ${out}/`,
          ),
        );
      }
      for (const line of m.notes) note(`merge-reports: ${line}`);
      const cov = m.coverage?.total.lines;
      if (cov && !flags.json) say(c.dim(`coverage: ${cov.pct}% of lines (${cov.covered}/${cov.total}), merged: ${out}/coverage/index.html, ${out}/coverage/lcov.info`));
      if (m.warning !== undefined) io.err(`${m.warning}\n`);
      const judge = m.info.options.judge === true;
      const judgement = judge ? judgeRows(m.rows) : undefined;
      if (judgement && judgementFails(judgement)) cli().exit(EXIT.FAILED);
      if (!judge && m.rows.some((r) => r.found.length > 0)) cli().exit(EXIT.FAILED);
      const unfinished = m.rows.filter((r) => r.status !== 'done');
      if (unfinished.length > 0) cli().exit(EXIT.FAILED);
      if (m.short.length > 0) {
        cli().exit(EXIT.FAILED);
        for (const line of shortLines(m.short)) note(line);
      }
      if (m.info.interrupted) note(`merge-reports: interrupted by ${m.info.interrupted.signal}: unfinished proposals hold nothing; to finish them: ${m.info.interrupted.finish}`);
      else if (unfinished.length > 0) note(`merge-reports: unfinished: ${unfinished.map((r) => `${r.proposal} (${r.status})`).join(', ')}`);
      if (flags.json) io.out(m.json);
      else printRunEnd(m.rows, m.dir, judgement);
    });
}
