// The size of the modelled machine. Both models use these numbers, so their
// allocation choices (lowest free pfn first) agree.
import type { Pfn } from './vocabulary.ts';

/**
 * System RAM frames are pfn 1..SYSTEM_FRAMES (pfn 0 is the zero page). Small
 * on purpose: every step clones, compares and scans the frames, and running
 * out of RAM is a path worth exploring (ENOMEM, VM_FAULT_OOM).
 */
export let SYSTEM_FRAMES = 48;

/**
 * For `npm run bench` only (bench/scaling.ts measures the cost per frame at
 * 16…768 frames): both models read SYSTEM_FRAMES when a state is created,
 * never at import, so a new value holds for every pair created after it.
 */
export function setSystemFramesForBench(n: number): void {
  SYSTEM_FRAMES = n;
}
/**
 * pgmapN occupies pfns pgmapBase() * (N + 1) onward: 256, 512, ... while
 * system RAM fits below 256 (the next power of two above it otherwise, for
 * the bench's larger machines). Close to system RAM on purpose: V8 keeps a
 * pfn-keyed record's elements in a fast array only while its keys leave no
 * gap of about 1,024, so with pgmaps at 4096 every frame and counter table
 * was a dictionary and every scan and copy of one paid ~4x (issue 10).
 * MAX_NPAGES < 256 keeps the ranges apart.
 */
export function pgmapBase(): Pfn {
  let base = 0x100;
  while (base <= SYSTEM_FRAMES) base *= 2;
  return base;
}
/** Largest npages an mmap, a memremap_pages or a range operation takes. */
export const MAX_NPAGES = 64;
export const pgmapStart = (n: number): Pfn => pgmapBase() * (n + 1);
