// A PTE cleared or cleaned hands its dirty bit to the page ("if
// (pte_dirty(pte)) folio_mark_dirty(folio)" in zap_pte_range,
// migrate_vma_collect_pmd, try_to_migrate_one, try_to_unmap_one,
// folio_mkclean). Dirty state is kept for page-cache pages only.
import type { AbsPte } from '../../state.ts';
import { type Ctx, writableFrame } from '../draft.ts';
import { frameOf } from '../handles.ts';

export function markDirtyFromPte(ctx: Ctx, pte: AbsPte): void {
  if (pte.kind === 'hwpoison' || !pte.dirty) return;
  if (frameOf(ctx, pte.pfn).file !== null) writableFrame(ctx, pte.pfn).dirty = true;
}
