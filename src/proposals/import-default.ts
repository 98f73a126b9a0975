// Importing a proposal file with tsx (TypeScript, ESM or CommonJS, anywhere
// on disk, no import of zdspec needed) and taking its default export. Every
// failure becomes a ProposalError naming the file.
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { ProposalError } from '../../models/proposals/proposal-error.ts';
import { ProposalEscape } from './process-guard.ts';

const NO_DEFAULT = Symbol('no default export');

export async function importDefault(file: string): Promise<unknown> {
  let namespace: Record<string, unknown>;
  try {
    namespace = (await tsImport(pathToFileURL(file).href, import.meta.url)) as Record<string, unknown>;
  } catch (e) {
    throw new ProposalError(file, '(file)', loadFailure(e));
  }
  const value = defaultExport(namespace);
  if (value === NO_DEFAULT) {
    const named = Object.keys(namespace).filter((k) => k !== 'default');
    const hint = named.length ? ` (it exports ${named.join(', ')}; use 'export default { ... }')` : " (write 'export default { name, title, source, extends, hooks }')";
    throw new ProposalError(file, 'default', `no default export${hint}`);
  }
  return value;
}

/**
 * tsx compiles a .ts/.js file outside an ESM package to CommonJS; Node then
 * hands back module.exports as `default`, and the real default export is
 * module.exports.default (marked by esbuild's __esModule).
 */
function defaultExport(namespace: Record<string, unknown>): unknown {
  if (!('default' in namespace)) return NO_DEFAULT;
  const value = namespace.default;
  if (value !== null && typeof value === 'object' && (value as { __esModule?: unknown }).__esModule === true) {
    return 'default' in value ? (value as { default: unknown }).default : NO_DEFAULT;
  }
  return value;
}

/**
 * esbuild's "Transform failed" text carries path:line:column; keep line and
 * column, drop the noise. A guarded process.exit (process-guard.ts) says what
 * was called.
 */
function loadFailure(e: unknown): string {
  if (e instanceof ProposalEscape) return `called ${e.call} while loading: a proposal cannot end the process`;
  const message = e instanceof Error ? e.message : String(e);
  const syntax = /Transform failed with \d+ errors?:\n([\s\S]*)/.exec(message);
  if (syntax?.[1]) {
    const errors = syntax[1]
      .trim()
      .split('\n')
      .map((line) => {
        const at = /:(\d+):(\d+): (?:ERROR: )?(.*)$/.exec(line);
        return at ? `line ${at[1]}, column ${at[2]}: ${at[3]}` : line;
      });
    return `syntax error at ${errors.join('; ')}`;
  }
  return `threw while loading: ${message}`;
}
