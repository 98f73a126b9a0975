// Waiting for a worker pool while SIGINT/SIGTERM may stop it: the first
// signal stops the pool (running jobs end, their findings still arrive)
// and is passed on once; the handlers go when the pool has finished.
import type { Pool } from './worker-pool.ts';

export type StopSignal = 'SIGINT' | 'SIGTERM';

/** Resolves when the pool has finished; the signal that stopped it, if any. */
export async function finishPool(pool: Pool, onSignal: (signal: StopSignal) => void = () => {}): Promise<StopSignal | undefined> {
  let stopped: StopSignal | undefined;
  const handler = (signal: StopSignal) => () => {
    if (stopped !== undefined) return;
    stopped = signal;
    onSignal(signal);
    void pool.stop();
  };
  const onInt = handler('SIGINT');
  const onTerm = handler('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  try {
    await pool.finished;
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
  return stopped;
}
