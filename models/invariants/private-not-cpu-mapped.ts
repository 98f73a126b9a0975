// private-not-cpu-mapped: MEMORY_DEVICE_PRIVATE memory is not CPU
// addressable; its struct pages are opaque and reached only through
// device-private swap entries. A present PTE to one would let the CPU touch
// memory it cannot address (include/linux/memremap.h). And a device-private
// entry is for such pages only: CPU-addressable memory behind one would be
// migrated back on every CPU touch and hidden from GUP.
import { frameLabel } from './describe.ts';
import { type Invariant, violation } from './invariant.ts';
import { ptesByPfn, pteText } from './mappings.ts';

export const privateNotCpuMapped: Invariant = {
  id: 'private-not-cpu-mapped',
  statement: 'a MEMORY_DEVICE_PRIVATE page is never behind a present CPU PTE: it is mapped only by device-private entries, which map nothing else, and a CPU fault migrates it to RAM',
  guards: ['mm/migrate_device.c: migrate_vma_insert_page', 'mm/migrate.c: remove_migration_pte', 'mm/memory.c: do_swap_page', 'mm/memory.c: copy_nonpresent_pte'],
  clauses: [
    { id: 'present', statement: 'no present or devmap PTE maps a MEMORY_DEVICE_PRIVATE page', when: 'always' },
    { id: 'entry-for-private', statement: 'a device-private entry maps a MEMORY_DEVICE_PRIVATE page', when: 'always' },
  ],
  check(after) {
    const out = [];
    for (const [pfn, list] of ptesByPfn(after.state)) {
      const frame = after.state.frames[pfn];
      if (!frame) continue;
      for (const at of list) {
        if (frame.type === 'PRIVATE' && (at.pte.kind === 'present' || at.pte.kind === 'present-devmap')) out.push(violation('present', `${frameLabel(frame)}: mapped by the ${pteText(at)}`));
        if (frame.type !== 'PRIVATE' && at.pte.kind === 'device-private') out.push(violation('entry-for-private', `${frameLabel(frame)}: mapped by the ${pteText(at)}`));
      }
    }
    return out;
  },
  // Some entry is device-private, or some PTE maps a MEMORY_DEVICE_PRIVATE page.
  applies(after) {
    const { frames, procs } = after.state;
    for (const p of Object.values(procs)) for (const pte of Object.values(p.ptes)) if (pte.kind === 'device-private' || frames[pte.pfn]?.type === 'PRIVATE') return true;
    return false;
  },
};
