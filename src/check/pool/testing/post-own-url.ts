// A worker module for spawn-worker.test.ts: it posts the URL it runs from,
// so the test sees whether a worker ran the sources or the build.
import { parentPort } from 'node:worker_threads';

const where: string = import.meta.url;
parentPort?.postMessage(where);
