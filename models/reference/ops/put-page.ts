// include/linux/mm.h: put_page → folio_put — a FOLL_GET reference goes; the
// frame is freed when it was the last user (docs §3).
import { EINVAL } from '../handles.ts';
import { writableTable } from '../draft.ts';
import { folioPut } from '../mm/folio-put.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';

export const putPage: OpSpec<'put_page'> = (era, state, args) =>
  deterministic<'put_page'>(era, state, (ctx) => {
    const ref = Object.hasOwn(ctx.s.refs, args.ref) ? ctx.s.refs[args.ref] : undefined;
    if (!ref) return EINVAL;
    delete writableTable(ctx, 'refs')[args.ref];
    folioPut(ctx, ref.pfn);
    return {};
  });
