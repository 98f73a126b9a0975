// How the judge's verdict reads, for `zdspec judge` and `check --judge`.
import type { Colors } from 'picocolors/types';
import type { Judgement } from '../../judge/judge-summary.ts';

export function printJudgement(j: Judgement, say: (...lines: string[]) => void, c: Colors): void {
  if (j.judged.length === 0) say(c.red('judge: no built-in proposal in the summary to judge'));
  else if (j.mismatches.length === 0) say(c.green(`judge: ${j.judged.length} built-in${j.judged.length === 1 ? '' : 's'} judged, every verdict matches its header`));
  else {
    say(c.red(`judge: ${j.mismatches.length} verdict${j.mismatches.length === 1 ? '' : 's'} differ from the headers:`));
    say(`  ${'proposal'.padEnd(14)} ${'check'.padEnd(26)} ${'expected'.padEnd(10)} found`);
    for (const m of j.mismatches) say(`  ${m.proposal.padEnd(14)} ${m.check.padEnd(26)} ${m.expected.padEnd(10)} ${m.found}`);
  }
  if (j.skipped.length > 0) say(c.dim(`judge: no header for ${j.skipped.join(', ')} (not built-ins): not judged`));
}
