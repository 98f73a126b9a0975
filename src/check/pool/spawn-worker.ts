// Starting a worker thread on a zdspec module, from the sources (through
// ts-worker.mjs, which registers tsx: worker threads do not inherit the main
// thread's loader) or from a JavaScript build (directly).
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function spawnWorker(moduleUrl: URL, data: Readonly<Record<string, unknown>> = {}, options: Omit<WorkerOptions, 'workerData'> = {}): Worker {
  if (moduleUrl.pathname.endsWith('.ts')) {
    return new Worker(new URL('./ts-worker.mjs', import.meta.url), { ...options, workerData: { ...data, module: moduleUrl.href } });
  }
  return new Worker(moduleUrl, { ...options, workerData: data });
}
