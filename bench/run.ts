// `npm run bench` (tsx bench/run.ts): throughput of the raw fast-check loop,
// the reference, the kernel model and the pair under the checker's commands,
// and time-to-counterexample for coherent-v1 (DESIGN §8). Never a timed test.
// BENCH_RUNS, BENCH_MAX_COMMANDS, BENCH_PROPOSAL tune it.
import { resolveBuiltin } from '../models/proposals/resolve-proposal.ts';
import { SYSTEMS, type SystemName } from './sessions.ts';
import { rawLoopThroughput, systemThroughput } from './throughput.ts';
import { timeToCounterexample } from './time-to-counterexample.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const MAX_COMMANDS = Number(process.env.BENCH_MAX_COMMANDS ?? 40);
const PROPOSAL = process.env.BENCH_PROPOSAL ?? 'upstream';
const SEED = 1;

const row = (name: string, cells: readonly (string | number)[]): string => `${name.padEnd(32)}${cells.map((c) => String(c).padStart(12)).join('')}`;

console.log(`zdspec bench: ${RUNS} runs, max ${MAX_COMMANDS} commands, proposal ${PROPOSAL}, node ${process.version}\n`);
console.log(row('throughput', ['commands', 'seconds', 'commands/s']));
const raw = rawLoopThroughput(RUNS, MAX_COMMANDS, SEED);
console.log(row('raw fast-check loop', [raw.commands, raw.seconds.toFixed(2), raw.perSecond]));
const proposal = resolveBuiltin(PROPOSAL);
for (const name of Object.keys(SYSTEMS) as SystemName[]) {
  const t = systemThroughput(proposal, SYSTEMS[name], RUNS, MAX_COMMANDS, SEED);
  console.log(row(name, [t.commands, t.seconds.toFixed(2), t.perSecond]));
}

console.log(`\n${row('time to counterexample', ['runs', 'shrinks', 'ms', 'steps'])}`);
const results = timeToCounterexample('coherent-v1', 'no-longterm-pin-coherent', [1, 2, 3, 4, 5], MAX_COMMANDS);
for (const r of results) console.log(row(`coherent-v1 seed ${r.seed}`, r.found ? [r.runs, r.shrinks, r.ms, r.length] : ['not found', '', r.ms, '']));
const ms = results.map((r) => r.ms).sort((a, b) => a - b);
console.log(row('median', ['', '', ms[Math.floor(ms.length / 2)] ?? 0, '']));
