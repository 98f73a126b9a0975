// HMM_DMIRROR_SNAPSHOT (lib/test_hmm.c: dmirror_snapshot → hmm_range_fault
// without fault flags, dmirror_mkentry): one HMM_DMIRROR_PROT_* byte per
// page; nothing changes (docs §1).
import { match } from 'ts-pattern';
import { typeRules } from '../../type-rules.ts';
import { HMM_DMIRROR_PROT as PROT, type ProcId, type Vpn, ZERO_PFN } from '../../vocabulary.ts';
import type { Ctx } from '../draft.ts';
import { EINVAL, ESRCH, frameOf, ownerOf, procOf, rangeOf, validRange } from '../handles.ts';
import { vmaAt } from '../mm/vma.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';

function snapshotByte(ctx: Ctx, procId: ProcId, vpn: Vpn, owner: string): number {
  const proc = ctx.s.procs[procId]!;
  const vma = vmaAt(proc, vpn);
  // hmm_vma_walk_test: no VMA or no read permission → HMM_PFN_ERROR.
  if (vma === undefined || vma.prot === 'none') return PROT.ERROR;
  const pte = proc.ptes[vpn];
  // pte_none, device-exclusive and hwpoison entries are not valid without a fault.
  if (pte === undefined || pte.kind === 'device-exclusive' || pte.kind === 'hwpoison') return PROT.NONE;
  const perm = pte.write ? PROT.WRITE : PROT.READ;
  if (pte.pfn === ZERO_PFN) return PROT.ZERO | PROT.READ;
  const local = ownerOf(ctx, pte.pfn) === owner;
  const report = (base: number) => {
    ctx.events.push({ ev: 'device-access', pfn: pte.pfn, owner });
    return base | perm;
  };
  return (
    match(typeRules(frameOf(ctx, pte.pfn).type).snapshotClass)
      .with('system', 'dax', () => perm)
      // hmm_vma_handle_pte: another owner's device-private entry is not valid
      // without a fault (owner checks, ~v5.7); before them every entry was.
      .with('device-private', () => (local ? report(PROT.DEV_PRIVATE_LOCAL) : ctx.era.ownerChecks ? PROT.NONE : report(PROT.DEV_PRIVATE_REMOTE)))
      .with('device-coherent', () => report(local ? PROT.DEV_COHERENT_LOCAL : PROT.DEV_COHERENT_REMOTE))
      .exhaustive()
  );
}

export const snapshot: OpSpec<'snapshot'> = (era, state, args) =>
  deterministic<'snapshot'>(era, state, (ctx) => {
    if (!procOf(ctx, args.proc)) return ESRCH;
    if (!validRange(args.npages)) return EINVAL;
    const prot = rangeOf(args.vpn, args.npages).map((vpn) => snapshotByte(ctx, args.proc, vpn, args.owner));
    return { cpages: args.npages, prot };
  });
