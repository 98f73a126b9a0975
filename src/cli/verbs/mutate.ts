// `zdspec mutate`: the mutation catalogue (models/mutants/) through the
// checker — the kill matrix, mutant × check → caught or not, with the time to
// the first counterexample and its shrunk length — printed and written to
// <report-dir>/mutate.{txt,md,json} (each mutant's counterexamples beside
// them). Exit 1 when a mutant survives its budget.
import { defaultWorkers } from '../default-workers.ts';
import { Command } from 'commander';
import { MUTANTS, mutantById } from '../../../models/mutants/catalogue.ts';
import { runKillMatrix } from '../../mutate/run-kill-matrix.ts';
import { killMatrixJson, killMatrixMarkdown, killMatrixText } from '../../report/kill-matrix.ts';
import { openReportDir } from '../../report/report-dir.ts';
import { didYouMean } from '../../util/did-you-mean.ts';
import { zdspecVersion } from '../../util/zdspec-version.ts';
import { InputError } from '../bad-input.ts';
import { cli, say } from '../cli-context.ts';
import { EXIT } from '../exit-codes.ts';
import { collect, parseCount, parseSeed } from './check-options.ts';

interface MutateFlags {
  readonly only?: string[];
  readonly seeds?: string;
  readonly seed?: string;
  readonly workers?: string;
  readonly reportDir: string;
  readonly list?: boolean;
}

const EXAMPLES = `
Examples:
  $ zdspec mutate                         # every mutant, one seed
  $ zdspec mutate --seeds 10              # medians over ten seeds
  $ zdspec mutate --only bug-28-mf-count-increased-leak --only hook-folio-add-lru
  $ zdspec mutate --list
  $ zdspec check mutant:bug-18-coherent-longterm-pin   # one mutant, as a proposal

Each mutant extends the built-in of its bug's era and changes one decision;
it is judged by the invariants that built-in holds and by refinement. The
report names every invariant that is never the first to catch a mutant.

Exit codes: 0 every mutant killed; 1 a mutant survived its budget; 2 bad
usage.`;

export function mutateCommand(): Command {
  return new Command('mutate')
    .description('run the mutation catalogue through the checker and print the kill matrix')
    .option('--only <id>', 'only this mutant; repeatable, or a comma list', collect)
    .option('--seeds <n>', 'seeds per mutant (medians over them)', '1')
    .option('-s, --seed <seed>', 'the first seed', '1')
    .option('-w, --workers <n>', `worker threads (default: ZDSPEC_WORKERS, else the number of cores: ${defaultWorkers()})`)
    .option('-o, --report-dir <dir>', 'where mutate.{txt,md,json} and the counterexamples go', 'reports/mutate')
    .option('--list', 'list the catalogue and exit')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: MutateFlags) => {
      const { io } = cli();
      if (flags.list) {
        for (const m of MUTANTS) say(`${m.id.padEnd(40)} ${m.kind.padEnd(6)} extends ${m.proposal.extends}${m.bug ? ` (${m.bug})` : ''}`);
        return;
      }
      const ids = (flags.only ?? [])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean);
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
    });
}
