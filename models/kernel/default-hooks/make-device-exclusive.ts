// make_device_exclusive (mm/rmap.c, the ~v6.15 rework): the device-exclusive
// entry keeps the folio mapped — map count, rmap and reference stay, and zap
// removes the rmap like any mapping. (v5.14–v6.14 page_make_device_exclusive_one
// dropped the rmap and kept only the reference: "There is a reference on the
// page for the swap entry which has been removed, so shouldn't take another";
// a proposal can choose that with this hook.)
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const make_device_exclusive =
  (_era: Era): Hooks['make_device_exclusive'] =>
  () =>
    true;
