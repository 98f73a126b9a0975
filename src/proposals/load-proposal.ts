// loadProposal: a built-in proposal by name, or a proposal file (.ts, .mts,
// .js, .mjs, .cjs) anywhere on disk, checked (validateProposal) and resolved
// against the built-ins (resolveProposal). A file is imported in a worker
// first (preload-in-worker.ts). Bad input is a ProposalError
// naming the file and field; the CLI turns it into exit code 2.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ProposalError } from '../../models/proposals/proposal-error.ts';
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import { BUILTIN_NAMES } from '../../models/proposals/registry.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { validateProposal } from '../../models/proposals/validate-proposal.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { MUTANTS, mutantById } from '../../models/mutants/catalogue.ts';
import { importDefault } from './import-default.ts';
import { preloadInWorker } from './preload-in-worker.ts';

const MODULE_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

/** A path rather than a built-in name: it has a directory part or a module extension. */
export function looksLikePath(spec: string): boolean {
  return /[/\\]/.test(spec) || MODULE_EXTENSIONS.some((ext) => spec.endsWith(ext));
}

/** A proposal shipped with zdspec, named: a built-in, or a mutant of the catalogue (`mutant:<id>`). */
export function isBuiltinName(spec: string): boolean {
  return (BUILTIN_NAMES as readonly string[]).includes(spec) || (spec.startsWith(MUTANT_PREFIX) && mutantById(spec.slice(MUTANT_PREFIX.length)) !== undefined);
}

export const MUTANT_PREFIX = 'mutant:';

export interface LoadOptions {
  /**
   * Import a file in a worker first, with a time limit (default true).
   * false: this process already loaded the same file that way (a check
   * worker given a file the main thread loaded): skip the ~0.4 s.
   */
  readonly preload?: boolean;
}

export async function loadProposal(spec: string, options: LoadOptions = {}): Promise<ResolvedProposal> {
  if (spec.startsWith(MUTANT_PREFIX)) {
    const m = mutantById(spec.slice(MUTANT_PREFIX.length));
    if (m === undefined)
      throw new ProposalError(
        `proposal '${spec}'`,
        '(name)',
        `no such mutant${didYouMean(
          spec.slice(MUTANT_PREFIX.length),
          MUTANTS.map((x) => x.id),
        )}; zdspec mutate --list names them`,
      );
    return resolveProposal(m.proposal);
  }
  if (isBuiltinName(spec)) return resolveBuiltin(spec);
  if (!looksLikePath(spec) && !existsSync(spec)) {
    throw new ProposalError(`proposal '${spec}'`, '(name)', `not a built-in proposal${didYouMean(spec, BUILTIN_NAMES)} and not a file path; built-ins: ${BUILTIN_NAMES.join(', ')}`);
  }
  const file = resolve(spec);
  if (!existsSync(file)) throw new ProposalError(spec, '(file)', `file not found (looked for ${file})`);
  if (!statSync(file).isFile()) throw new ProposalError(spec, '(file)', 'not a file');
  if (!MODULE_EXTENSIONS.some((ext) => file.endsWith(ext))) {
    throw new ProposalError(spec, '(file)', `a proposal is a module: expected one of ${MODULE_EXTENSIONS.join(', ')}`);
  }
  // Its top level may never return: first in a worker, with a time limit.
  if (options.preload !== false) await preloadInWorker(file);
  const value = await importDefault(file);
  return resolveProposal(validateProposal(value, spec), spec);
}
