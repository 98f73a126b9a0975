// reports/bench.md: the bench's tables for a person (the JSON beside it has
// every sample statistic).
import type { BenchResult } from './bench-result.ts';
import { exploreMarkdown } from './explore.ts';
import { exploreWorkersMarkdown } from './explore-workers.ts';
import { threadsMarkdown } from './threads.ts';
import type { Measured } from './measure.ts';
import { shrinkMarkdown } from './shrink-quality.ts';

const n = (x: number): string => Math.round(x).toLocaleString('en-US');
const ratio = (x: number): string => (x >= 10 ? x.toFixed(1) : x.toFixed(3));
const rate = (m: Measured) => `| ${m.name} | ${n(m.perSecond)} | ${m.medianMs.toFixed(1)} | ±${m.rme.toFixed(1)}% | ${m.samples} |`;

export function benchMarkdown(r: BenchResult): string {
  const lines = [
    `# zdspec bench (${r.generated})`,
    '',
    `zdspec ${r.zdspec}, node ${r.node}, ${r.machine.cpus} × ${r.machine.model}. Settings: ${Object.entries(r.settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}.`,
    '',
    '## Throughput (commands/s at the median sample)',
    '',
    '| system | commands/s | ms/sample | rme | samples |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...Object.values(r.throughput).map(rate),
    '',
    `Ratios: full / raw counter loop ${ratio(r.ratios.fullOverRawCounter)}, kernel / reference ${ratio(r.ratios.kernelOverReference)}, 768 / 48 frames ${ratio(r.ratios.frames768Over48)}, 640 / 40 commands ${ratio(r.ratios.commands640Over40)}, ${r.ratios.microsPerFramePerCommand.toFixed(2)} µs per frame per command.`,
    '',
    '## Scaling (full check)',
    '',
    '| sweep | commands/s | ms/sample | rme | samples |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...r.scaling.byMaxCommands.map(rate),
    ...r.scaling.byFrames.map(rate),
    '',
    '## Time to counterexample (median ms over seeds)',
    '',
    '| proposal | found | to first | shrink | total |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...[r.timeToCounterexample.coherentV1, ...r.timeToCounterexample.mutants].map(
      (s) => `| ${s.name} | ${s.found}/${s.searches.length} | ${n(s.medianToFirstMs)} | ${n(s.medianShrinkMs)} | ${n(s.medianTotalMs)} |`,
    ),
    '',
  ];
  lines.push(`zdspec --help from ${r.start.from}: ${n(r.start.medianMs)} ms (median of ${r.start.samples.length}).`, '');
  if (r.workers) {
    lines.push(
      '## Workers (check --all)',
      '',
      `${Object.entries(r.workers.seconds)
        .map(([w, s]) => `${w} worker(s): ${s.toFixed(1)} s`)
        .join(
          ', ',
        )}; speed-up ${r.workers.speedup.toFixed(2)}×; verdicts ${r.workers.sameVerdicts ? 'identical' : 'DIFFER'}, counterexample files ${r.workers.sameCounterexamples ? 'identical' : 'DIFFER'}.`,
      '',
    );
  }
  if (r.explore) lines.push(...exploreMarkdown(r.explore));
  if (r.exploreWorkers) lines.push(...exploreWorkersMarkdown(r.exploreWorkers));
  if (r.threads) lines.push(...threadsMarkdown(r.threads));
  if (r.shrink) lines.push(...shrinkMarkdown(r.shrink));
  lines.push('## Targets', '', '| target | value | wanted | met |', '| --- | ---: | ---: | :---: |');
  for (const t of r.targets) lines.push(`| ${t.statement} | ${ratio(t.value)} | ${t.kind === 'min' ? '≥' : '≤'} ${ratio(t.target)} | ${t.met ? 'yes' : '**no**'} |`);
  lines.push('', '## Regressions against bench/baseline.json (> 20% worse)', '');
  if (r.regressions.length === 0) lines.push('None.');
  else for (const g of r.regressions) lines.push(`- ${g.metric}: ${ratio(g.baseline)} → ${ratio(g.now)} (${Math.round(100 * g.worse)}% worse)`);
  return `${lines.join('\n')}\n`;
}
