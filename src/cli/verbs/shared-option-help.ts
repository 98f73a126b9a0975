// Option help shared by run and replay, written once.
export const HOOK_TIME_LIMIT_HELP = 'base of the hang limit, e.g. 2s, 500ms: n steps hang after base + 25 ms × n of CPU time (default 2s)';
export const FULL_INVARIANTS_HELP = "judge the reference side's invariants at every step, also where its view is the kernel model's (slower; the verdicts are the same)";
