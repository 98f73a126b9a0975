// The action of `zdspec mutate` (mutate.ts defines its options): loaded only
// when it runs, so that `zdspec --help` need not load the models.
import { defaultWorkers } from '../default-workers.ts';
import { MUTANTS, mutantById } from '../../../models/mutants/catalogue.ts';
import { runKillMatrix } from '../../mutate/run-kill-matrix.ts';
import { killMatrixJson, killMatrixMarkdown, killMatrixText } from '../../report/kill-matrix.ts';
import { openReportDir } from '../../report/report-dir.ts';
import { didYouMean } from '../../util/did-you-mean.ts';
import { zdspecVersion } from '../../util/zdspec-version.ts';
import { InputError } from '../bad-input.ts';
import { cli, say } from '../cli-context.ts';
import { EXIT } from '../exit-codes.ts';
import { parseCount, parseSeed } from './check-options.ts';
import { listValues } from './collect.ts';
import type { MutateFlags } from './mutate.ts';

export async function mutateAction(flags: MutateFlags): Promise<void> {
  const { io } = cli();
  if (flags.list) {
    for (const m of MUTANTS) say(`${m.id.padEnd(40)} ${m.kind.padEnd(6)} extends ${m.proposal.extends}${m.bug ? ` (${m.bug})` : ''}`);
    return;
  }
  const ids = listValues(flags.only);
  for (const id of ids)
    if (!mutantById(id))
      throw new InputError(
        `--only: no mutant '${id}'${didYouMean(
          id,
          MUTANTS.map((m) => m.id),
        )}; zdspec mutate --list`,
      );
  const mutants = ids.length > 0 ? MUTANTS.filter((m) => ids.includes(m.id)) : MUTANTS;
  const seeds = parseCount('--seeds', flags.seeds, 1) ?? 1;
  const firstSeed = parseSeed(flags.seed) ?? 1;
  const workers = parseCount('--workers', flags.workers, 1) ?? defaultWorkers();
  const generated = new Date().toISOString();
  const dir = openReportDir(flags.reportDir, { zdspec: zdspecVersion(), started: generated, command: ['zdspec', 'mutate', ...process.argv.slice(3)] });
  const started = performance.now();
  let last = 0;
  const { rows, interrupted } = await runKillMatrix(mutants, {
    seeds,
    firstSeed,
    workers,
    dir,
    generated,
    onProgress: (done, total) => {
      const now = performance.now();
      if (now - last < (io.isTTY ? 200 : 10_000) && done < total) return;
      last = now;
      io.err(`${io.isTTY ? '\r\x1b[K' : ''}mutate: ${done}/${total} searches done, ${((now - started) / 1000).toFixed(0)} s${io.isTTY ? '' : '\n'}`);
    },
  });
  if (io.isTTY) io.err('\r\x1b[K');
  const info = { generated, durationMs: performance.now() - started, zdspec: zdspecVersion(), seeds, interrupted };
  const text = killMatrixText(rows, info);
  dir.write('mutate.txt', text);
  dir.write('mutate.md', killMatrixMarkdown(rows, info));
  dir.write('mutate.json', killMatrixJson(rows, info));
  say(text.trimEnd(), '', `reports: ${dir.path}/mutate.txt (.md, .json)`);
  if (interrupted) cli().exit(130);
  if (rows.some((r) => !r.killed)) cli().exit(EXIT.FAILED);
}
