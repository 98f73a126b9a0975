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
/** pgmapN occupies pfns PGMAP_BASE * (N + 1) onward. */
export const PGMAP_BASE: Pfn = 0x1000;
/** Largest npages an mmap, a memremap_pages or a range operation takes. */
export const MAX_NPAGES = 64;
export const pgmapStart = (n: number): Pfn => PGMAP_BASE * (n + 1);
