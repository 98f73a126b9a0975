// How many worker threads check and mutate start when --workers is not
// given: ZDSPEC_WORKERS if it is a positive integer (the test suite sets 1,
// so the zdspec processes it spawns do not each take every core), else the
// number of cores.
import { availableParallelism } from 'node:os';

export function defaultWorkers(): number {
  const n = Number(process.env.ZDSPEC_WORKERS);
  return Number.isInteger(n) && n > 0 ? n : availableParallelism();
}
