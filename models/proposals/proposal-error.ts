// A proposal that cannot be loaded: DESIGN §9 asks for "a clear error naming
// the file and field" (and exit code 2, which the CLI derives from this
// class). The message always starts with `file: field:` so it reads well on
// its own in a terminal or a CI log.
export class ProposalError extends Error {
  /** The proposal file (or `proposal 'name'` when there is no file). */
  readonly file: string;
  /** The offending field, as a path: `hooks.folio_is_longterm_pinable`, `era.enumValues`, `(root)`. */
  readonly field: string;
  /** The explanation without the `file: field:` prefix. */
  readonly detail: string;

  constructor(file: string, field: string, detail: string) {
    super(`${file}: ${field}: ${detail}`);
    this.name = 'ProposalError';
    this.file = file;
    this.field = field;
    this.detail = detail;
  }
}
