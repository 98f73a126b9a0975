// gup_fast_pte_range (mm/gup.c) keeps the folio it grabbed only while the
// PTE still holds the value it read locklessly before the grab:
// "if (unlikely(pmd_val(pmd) != pmd_val(pmdp_get(pmdp))) ||
// unlikely(pte_val(pte) != pte_val(ptep_get(ptep)))) gup_put_folio(...)".
// A fork that write-protected the entry, a zap or a migration that cleared
// it ran between the read and the grab and did not see the new reference.
// pte_val is the whole value: the write, dirty and protnone bits count,
// not just the pfn. (A 2024 arm64 series proposed pte_same_norecency, ignoring the
// access and dirty bits only; the write bit stays compared either way.)
// The same comparison in every era the model has.
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const gup_fast_pte_range =
  (_era: Era): Hooks['gup_fast_pte_range'] =>
  (_folio, { read, now }) =>
    now !== null && now.kind === read.kind && now.pfn === read.pfn && now.write === read.write && now.dirty === read.dirty && now.protnone === read.protnone;
