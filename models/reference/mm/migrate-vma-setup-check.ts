// The VMA checks of the HMM test driver's migrate ioctls
// (dmirror_migrate_to_device / _to_system: the VMA must exist and have
// VM_READ) and of mm/migrate_device.c: migrate_vma_setup (not DAX:
// vma_is_dax) — every failure is -EINVAL, before anything changes.
import type { AbsProc } from '../../state.ts';
import type { Vpn } from '../../vocabulary.ts';
import { vmasOfRange } from '../handles.ts';

export function migrateVmaSetupCheck(proc: AbsProc, vpn: Vpn, npages: number): boolean {
  return vmasOfRange(proc, vpn, npages).every((vma) => vma !== undefined && vma.prot !== 'none' && vma.kind !== 'dax');
}
