// mm/gup.c: get_user_pages / get_user_pages_fast with FOLL_GET, one page
// (docs §3): check_vma_flags, follow_page_pte or faultin_page,
// try_grab_folio, then a new FOLL_GET reference refN.
import type { RefId } from '../../vocabulary.ts';
import { ESRCH, procOf } from '../handles.ts';
import { writableTable } from '../draft.ts';
import { checkVmaFlags } from '../mm/check-vma-flags.ts';
import { folioGet } from '../mm/folio-get.ts';
import { getUserPage } from '../mm/get-user-pages.ts';
import { tryGrabFolio } from '../mm/try-grab-folio.ts';
import { vmaAt } from '../mm/vma.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';

export const getUserPages: OpSpec<'get_user_pages'> = (era, state, args) =>
  deterministic<'get_user_pages'>(era, state, (ctx) => {
    const proc = procOf(ctx, args.proc);
    if (!proc) return ESRCH;
    const vmaErr = checkVmaFlags(ctx, vmaAt(proc, args.vpn), { write: args.write, longterm: false });
    if (vmaErr) return { errno: vmaErr };
    const page = getUserPage(ctx, args.proc, args.vpn, args.write);
    if (!page.ok) return { errno: page.errno };
    const grabErr = tryGrabFolio(ctx, page.pfn);
    if (grabErr) return { errno: grabErr };
    const ref: RefId = `ref${ctx.s.next.ref++}`;
    writableTable(ctx, 'refs')[ref] = { pfn: page.pfn, proc: args.proc };
    folioGet(ctx, page.pfn);
    return { ref };
  });
