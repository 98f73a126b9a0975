// no-longterm-pin-coherent: device-coherent memory must stay evictable, so a
// FOLL_LONGTERM pin either fails or migrates the page to system RAM first and
// pins the copy (BUG-18, seed 001). A pin recorded long-term on a COHERENT or
// PUBLIC frame is the bug itself, whatever path let it through.
import type { AbsPin } from '../state.ts';
import type { PinId } from '../vocabulary.ts';
import { frameLabel } from './describe.ts';
import { type Invariant, type Violation, violation } from './invariant.ts';
import { argsFor } from './step-args.ts';
import { typeClass } from './type-class.ts';

export const noLongtermPinCoherent: Invariant = {
  id: 'no-longterm-pin-coherent',
  statement: 'no FOLL_LONGTERM pin holds a MEMORY_DEVICE_COHERENT (or MEMORY_DEVICE_PUBLIC) page: folio_is_longterm_pinnable is false and __gup_longterm_locked migrates or fails',
  guards: ['include/linux/mm.h: folio_is_longterm_pinnable', 'mm/gup.c: __gup_longterm_locked', 'mm/gup.c: check_and_migrate_movable_pages', 'mm/migrate_device.c: migrate_device_coherent_folio'],
  clauses: [{ id: 'longterm-pin', statement: 'no long-term pin names a device-coherent frame' }],
  check(after) {
    const { state } = after;
    const out: Violation[] = [];
    for (const [id, pin] of Object.entries(state.pins) as [PinId, AbsPin][]) {
      if (!pin.longterm) continue;
      const frame = state.frames[pin.pfn];
      if (frame && typeClass(frame.type) === 'device-coherent') out.push(violation('longterm-pin', `${frameLabel(frame)}: long-term pin ${id} held by ${pin.proc}`));
    }
    return out;
  },
  // A FOLL_LONGTERM pin is held on ZONE_DEVICE memory, or a long-term
  // pin_user_pages ran on an address that mapped ZONE_DEVICE memory.
  applies(after, before, step) {
    const device = (state: typeof after.state, pfn: number) => {
      const type = state.frames[pfn]?.type;
      return type !== undefined && type !== 'SYSTEM';
    };
    for (const pin of Object.values(after.state.pins)) if (pin.longterm && device(after.state, pin.pfn)) return true;
    const call = argsFor(step, 'pin_user_pages');
    if (!call?.longterm || !before) return false;
    const pte = before.state.procs[call.proc]?.ptes[call.vpn];
    return pte !== undefined && device(before.state, pte.pfn);
  },
};
