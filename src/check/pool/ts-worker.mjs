// Worker threads do not inherit tsx's loader from the main thread: when
// zdspec runs from its TypeScript sources, a worker starts here, registers
// tsx, then loads the TypeScript module named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
