// Re-exports the tests use.
export { HMM_DMIRROR_PROT, GUP_PIN_COUNTING_BIAS } from '../../models/vocabulary.ts';
export { pgmapStart, SYSTEM_FRAMES } from '../../models/limits.ts';
