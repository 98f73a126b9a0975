// The size of the modelled machine. Both models use these numbers, so their
// allocation choices (lowest free pfn first) agree.
import type { Pfn } from './vocabulary.ts';

/**
 * System RAM frames are pfn 1..SYSTEM_FRAMES (pfn 0 is the zero page). Small
 * on purpose: every step clones, compares and scans the frames, and running
 * out of RAM is a path worth exploring (ENOMEM, VM_FAULT_OOM).
 */
export const SYSTEM_FRAMES = 48;
/** pgmapN occupies pfns PGMAP_BASE * (N + 1) onward. */
export const PGMAP_BASE: Pfn = 0x1000;
/** Largest npages an mmap, a memremap_pages or a range operation takes. */
export const MAX_NPAGES = 64;
export const pgmapStart = (n: number): Pfn => PGMAP_BASE * (n + 1);
