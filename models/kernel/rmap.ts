// Reverse mapping (mm/rmap.c): which PTEs map a frame, kept incrementally so
// try_to_migrate and memory_failure's collect_procs find every mapper. The
// zero page is not rmapped (vm_normal_page returns NULL for it).
import { ZERO_PFN } from '../vocabulary.ts';
import { type KernelState, rmapKey } from './kstate.ts';

/** folio_add_rmap_pte / folio_add_new_anon_rmap / folio_dup_file_rmap_pte. */
export function folio_add_rmap_pte(k: KernelState, slot: number, proc: number, vpn: number): void {
  k.mem.mapcount[slot] = (k.mem.mapcount[slot] ?? 0) + 1;
  if (slot === ZERO_PFN) return;
  let set = k.rmap.get(slot);
  if (!set) k.rmap.set(slot, (set = new Set()));
  set.add(rmapKey(proc, vpn));
}

/** folio_remove_rmap_pte (mm/rmap.c). */
export function folio_remove_rmap_pte(k: KernelState, slot: number, proc: number, vpn: number): void {
  k.mem.mapcount[slot] = (k.mem.mapcount[slot] ?? 0) - 1;
  if (slot === ZERO_PFN) return;
  const set = k.rmap.get(slot);
  if (!set) return;
  set.delete(rmapKey(proc, vpn));
  if (set.size === 0) k.rmap.delete(slot);
}

/** rmap_walk (mm/rmap.c): the (proc, vpn) keys mapping a frame, in a stable order. */
export function rmap_walk(k: KernelState, slot: number): number[] {
  const set = k.rmap.get(slot);
  return set ? [...set].sort((a, b) => a - b) : [];
}
