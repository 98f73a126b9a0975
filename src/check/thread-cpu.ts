// The CPU time the calling thread has used, in ms: what the hang limit
// counts (guard.ts), so that a run which got no CPU — the process stopped
// with SIGSTOP or ^Z, a machine starved by other work — is not taken for a
// proposal hook that loops. Wall clock cannot tell the two apart.
//
// Sources, best first: process.threadCpuUsage (Node ≥ 23.9); on Linux the
// thread's own /proc/thread-self/stat (utime + stime, in clock ticks of
// 10 ms; read synchronously, so on the calling thread — a worker sees its
// own); elsewhere process.cpuUsage, the whole process's: with sibling
// worker threads busy it over-counts, so there a starved run can still be
// called hung, but a stopped process never is.
import { readFileSync, readlinkSync } from 'node:fs';

type CpuUsage = { user: number; system: number };
const threadCpuUsage = (process as { threadCpuUsage?: () => CpuUsage }).threadCpuUsage;

/** USER_HZ: Linux reports /proc times in 1/100 s on every architecture Node runs on. */
const MS_PER_TICK = 10;

/** The CPU time of the thread whose /proc task directory is `task` ('/proc/thread-self', '/proc/123/task/456'). */
export function taskCpuMs(task: string): number {
  const stat = readFileSync(`${task}/stat`, 'latin1');
  // The command name (field 2) is in parentheses and may hold spaces: count from after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}

const fromUsage = (u: CpuUsage): number => (u.user + u.system) / 1000;

function pickClock(): () => number {
  if (threadCpuUsage !== undefined) return () => fromUsage(threadCpuUsage.call(process));
  try {
    const read = () => taskCpuMs('/proc/thread-self');
    if (Number.isFinite(read())) return read;
  } catch {
    // Not Linux, or /proc not mounted.
  }
  return () => fromUsage(process.cpuUsage());
}

/** CPU time (user + system) used by the calling thread so far, in ms; only differences mean anything. */
export const threadCpuMs: () => number = pickClock();

/**
 * The calling thread's /proc task directory, for another thread to read its
 * CPU time with taskCpuMs (preload-in-worker.ts watches a load worker so);
 * undefined off Linux.
 */
export function thisThreadTask(): string | undefined {
  try {
    return `/proc/${readlinkSync('/proc/thread-self')}`;
  } catch {
    return undefined;
  }
}
