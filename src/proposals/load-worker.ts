// The load worker's entry (preload-in-worker.ts): a proposal file is
// imported here first, on a thread of its own, so that top-level code that
// never returns can be terminated.
import { probeLoad } from './probe-load.ts';

await probeLoad();
