// The bounded domain `zdspec explore` enumerates: how large an mmap, a
// memremap_pages or a range may be, how many processes and device pgmaps may
// exist, which data values a write may store, and whether the symmetry
// reductions (symmetry.ts) apply.
import type { MemoryType } from '../../models/vocabulary.ts';

export interface ExploreBounds {
  /** npages of mmap, memremap_pages and range operations: 1..pages. */
  readonly pages: number;
  /** Live processes (fork stops there); memcgs, the root included, too. */
  readonly procs: number;
  /** pgmaps memremap_pages may create (device owners: that many, at most two). */
  readonly devices: number;
  /** Data values a write stores: 1..values (0 is what a never-written page reads). */
  readonly values: number;
  /** Apply the symmetry reductions (values, device owners, empty memcgs). */
  readonly symmetry: boolean;
  /** memremap_pages only of these memory types (default: every type of the era). */
  readonly types?: readonly MemoryType[];
}

export const DEFAULT_BOUNDS: ExploreBounds = { pages: 1, procs: 2, devices: 1, values: 1, symmetry: true };
