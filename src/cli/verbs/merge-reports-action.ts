// The action of `zdspec merge-reports` (merge-reports.ts defines its options): loaded only
// when it runs, so that `zdspec --help` need not load the models.
import { shortLines } from '../../coverage/semantic/write-semantic-coverage.ts';
import { judgementFails, judgeRows } from '../../judge/judge-rows.ts';
import { mergeReports } from '../../report/merge/merge-reports.ts';
import { cli, say } from '../cli-context.ts';
import { EXIT } from '../exit-codes.ts';
import { printRunEnd } from './print-run-end.ts';
import type { MergeFlags } from './merge-reports.ts';

export async function mergeReportsAction(out: string, dirs: string[], flags: MergeFlags): Promise<void> {
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
}
