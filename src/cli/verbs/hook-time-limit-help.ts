// The --hook-time-limit help of run and replay, written once.
export const HOOK_TIME_LIMIT_HELP = 'base of the hang limit, e.g. 2s, 500ms: n steps hang after base + 25 ms × n of CPU time (default 2s)';
