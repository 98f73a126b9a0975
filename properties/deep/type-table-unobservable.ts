// The cells of the per-type table (type.decision) that no invariant can
// see, and why: the kernel never asks that type that question, so the
// value is there only because the table is total (a new memory type must
// fail to compile until every decision names it). type-table.test.ts fails
// when one of these is caught after all (the entry is stale) or when a cell
// not listed here goes uncaught.
export const UNOBSERVABLE: Readonly<Record<string, string>> = {};
