// The CLI's exit codes: CI scripts branch on them.
export const EXIT = {
  /** Every expectation, invariant and refinement check held. */
  OK: 0,
  /** An expectation, invariant or refinement check failed, or a proposal crashed. */
  FAILED: 1,
  /** Bad input: malformed trace, unloadable proposal, bad command line. */
  BAD_INPUT: 2,
  /** A bug in zdspec itself (an exception the harness did not expect). */
  INTERNAL: 3,
} as const;
