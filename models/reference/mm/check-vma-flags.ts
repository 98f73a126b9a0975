// mm/gup.c: check_vma_flags (with find_vma's miss) — may GUP touch this VMA.
import { match } from 'ts-pattern';
import type { AbsVma } from '../../state.ts';
import type { Errno } from '../../vocabulary.ts';
import type { Ctx } from '../draft.ts';

/** vma_is_fsdax: a dax VMA over an FS_DAX pgmap (device-dax GENERIC is not). */
function vmaIsFsdax(ctx: Ctx, vma: AbsVma): boolean {
  if (vma.kind !== 'dax' || vma.pgmap === null) return false;
  return match(ctx.s.pgmaps[vma.pgmap]!.type)
    .with('FS_DAX', () => true)
    .with('PRIVATE', 'COHERENT', 'GENERIC', 'PCI_P2PDMA', 'HOST', 'PUBLIC', () => false)
    .exhaustive();
}

/**
 * The order is check_vma_flags': FOLL_LONGTERM on an fsdax VMA is refused
 * (-EOPNOTSUPP) before the read/write permission checks (-EFAULT).
 */
export function checkVmaFlags(ctx: Ctx, vma: AbsVma | undefined, flags: { readonly write: boolean; readonly longterm: boolean }): Errno | null {
  if (vma === undefined) return 'EFAULT';
  if (flags.longterm && ctx.era.fsdaxVmaLongtermEopnotsupp && vmaIsFsdax(ctx, vma)) return 'EOPNOTSUPP';
  if (vma.prot === 'none') return 'EFAULT';
  if (flags.write && vma.prot !== 'write') return 'EFAULT';
  return null;
}
