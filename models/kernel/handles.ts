// Resolving handles (p3, m1, pgmap0, ref2, pin0, f1) and range arguments.
// A bad handle fails the operation before anything changes.
import type { OpFailure } from '../ops.ts';
import { MAX_NPAGES } from '../limits.ts';
import type { KernelState, KFile, KPgmap, Proc } from './kstate.ts';

/** The number of a handle `${prefix}${n}`, or -1 when malformed. */
export function handleNum(prefix: string, id: unknown): number {
  if (typeof id !== 'string' || !id.startsWith(prefix)) return -1;
  const rest = id.slice(prefix.length);
  if (!/^(0|[1-9][0-9]*)$/.test(rest)) return -1;
  return Number(rest);
}

export const ESRCH: OpFailure = { errno: 'ESRCH' };
export const EINVAL: OpFailure = { errno: 'EINVAL' };

export const getProc = (k: KernelState, id: unknown): Proc | undefined => k.procs.get(handleNum('p', id));
export const getPgmap = (k: KernelState, id: unknown): KPgmap | undefined => k.pgmaps[handleNum('pgmap', id)];
export const getFile = (k: KernelState, id: unknown): KFile | undefined => k.files.get(handleNum('f', id));
export function getMemcg(k: KernelState, id: unknown): number {
  const n = handleNum('m', id);
  return n >= 0 && n < k.memcgUsage.length ? n : -1;
}

export const npagesOk = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_NPAGES;
export const vpnOk = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
