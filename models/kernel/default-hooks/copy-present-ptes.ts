// copy_present_ptes (mm/memory.c): fork copies PTEs only for a COW mapping
// (vma_needs_copy), and there "is_cow_mapping(vm_flags) && pte_write(pte)" →
// ptep_set_wrprotect in the parent and pte_wrprotect for the child: both end
// read-only and the next write breaks COW.
import type { Era } from '../../eras/era.ts';
import type { ForkWriteBits, Hooks } from '../hooks.ts';

const BOTH_READ_ONLY: ForkWriteBits = Object.freeze({ parent: false, child: false });

export const copy_present_ptes =
  (_era: Era): Hooks['copy_present_ptes'] =>
  () =>
    BOTH_READ_ONLY;
