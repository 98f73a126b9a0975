// pgmap_pfn_valid (mm/memremap.c): a pfn of the range is valid from
// pfn_first() on, which skips the altmap (vmem_altmap_offset: the driver's
// reserve and the vmemmap it allocated there). memory_failure_dev_pagemap:
// "device metadata space is not recoverable" → -ENXIO.
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const pgmap_pfn_valid =
  (_era: Era): Hooks['pgmap_pfn_valid'] =>
  (pgmap, ctx) =>
    ctx.index >= pgmap.reserved && ctx.index < pgmap.npages;
