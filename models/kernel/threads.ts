// Kernel threads (issue 12): an operation started as a thread runs until it
// reaches an interleaving point (interleaving-points.ts) and pauses there,
// with its locals in the state (KernelState.threads), while other
// operations run; resuming it runs it to its next point or its end. An
// operation that reaches no point on its way runs to its end when started.
//
// CPU accesses pause in do_swap_page where it drops the PTE lock before
// migrate_to_ram. Resumed, the fault finishes and the access is retried,
// as the CPU re-executes the instruction once the fault handler returns:
// handle_mm_fault then finds whatever the PTE became in the meantime.
import type { ThreadProgress } from '../model.ts';
import type { OpResult, Step } from '../ops.ts';
import { do_swap_page_lock, do_swap_page_migrate } from './do-swap-page.ts';
import { type KThread, type KernelState, type Proc, pfn_to_slot as slotOfPfn } from './kstate.ts';
import type { InterleavingLabel } from './interleaving-points.ts';
import { access_vma, cpu_read, cpu_write } from './user-access.ts';
import { getProc } from './handles.ts';
import { folioView } from './folio-view.ts';

/** The operations a thread may run: those that reach an interleaving point. */
export const THREAD_OPS = ['cpu_read', 'cpu_write'] as const;
export type ThreadOp = (typeof THREAD_OPS)[number];

export const isThreadStep = (step: Step): step is Extract<Step, { op: ThreadOp }> => (THREAD_OPS as readonly string[]).includes(step.op);

/** The access run to its end from where it stands: the retried instruction. */
const access = (k: KernelState, t: Pick<KThread, 'op' | 'args'>): OpResult => (t.op === 'cpu_write' ? cpu_write(k, t.args as KThread['args'] & { value: number }) : cpu_read(k, t.args));

/** Start `step` as thread `id` (not running). */
export function thread_start(k: KernelState, id: string, step: Extract<Step, { op: ThreadOp }>): ThreadProgress {
  if (k.threads.has(id)) throw new Error(`thread ${id} is already running`);
  const write = step.op === 'cpu_write';
  const at = access_vma(k, step.args, write);
  const pte = 'p' in at ? at.p.ptes.get(step.args.vpn) : undefined;
  // handle_mm_fault → do_swap_page: only a device-private entry gets as far as the PTE unlock.
  if (!('p' in at) || pte?.kind !== 'device-private') return { done: true, result: access(k, step) };
  const fault = do_swap_page_lock(k, at.p, step.args.vpn, pte);
  if ('ok' in fault) return { done: true, result: { signal: 'SIGBUS' } };
  const label: InterleavingLabel = 'do_swap_page: pte_unmap_unlock';
  k.threads.set(id, { id, op: step.op, args: step.args, label, fault });
  return { done: false, label };
}

/**
 * Operations that take the mm's mmap_lock for writing (mmap_write_lock:
 * mmap, munmap, mprotect, the parent's in dup_mmap, exit_mmap once the
 * last thread is gone). do_swap_page migrates a device-private page under
 * the fault's mmap_read_lock (a VMA-locked fault backs off to it:
 * "migrate_to_ram is not VMA-lock-safe"), so these wait for the fault.
 */
const MMAP_WRITERS: ReadonlySet<string> = new Set(['mmap', 'munmap', 'mprotect', 'fork', 'exit']);

/**
 * Accesses that fault a device-private page through do_swap_page:
 * handle_mm_fault, GUP's faultin_page (get/pin_user_pages,
 * make_device_exclusive, madvise(MADV_HWPOISON)'s get_user_pages_fast for a
 * memory_failure by address), and hmm_range_fault for a device that may not
 * use the entry in place (device_read / device_write: the proposal's
 * hmm_is_device_private_entry).
 */
const FAULTS: ReadonlySet<string> = new Set(['cpu_read', 'cpu_write', 'get_user_pages', 'pin_user_pages', 'make_device_exclusive', 'memory_failure']);
const DEVICE_FAULTS: ReadonlySet<string> = new Set(['device_read', 'device_write']);

/**
 * The paused thread `step` would wait for, if any: a step that takes the
 * faulting mm's mmap_lock for writing, or a fault on the page a paused
 * do_swap_page works on — it retries (the page's lock since 1afaeb8293c9's
 * trylock_page; before, migrate_vma_check_page refuses the page the paused
 * fault holds a reference on, migrate_to_ram returns 0 and the CPU retries)
 * until that fault is done. A step that waits is not enabled while the
 * thread is paused.
 */
export function thread_blocks(k: KernelState, step: Step): string | undefined {
  for (const t of k.threads.values()) {
    const a = step.args as { readonly proc?: unknown; readonly vpn?: number; readonly npages?: number };
    const p = getProc(k, a.proc);
    if (p?.num === t.fault.proc && MMAP_WRITERS.has(step.op)) return t.id;
    if (step.op === 'migrate_racing_fault') {
      // Its CPU access faults faultVpn of faultProc.
      if (holds(k, getProc(k, step.args.faultProc), step.args.faultVpn, 1, t)) return t.id;
      continue;
    }
    if (FAULTS.has(step.op) && a.vpn !== undefined && holds(k, p, a.vpn, a.npages ?? 1, t)) return t.id;
    // hmm_range_fault faults an entry the device may not use in place, and one it would write through read-only.
    if (DEVICE_FAULTS.has(step.op) && a.vpn !== undefined && holds(k, p, a.vpn, a.npages ?? 1, t)) {
      const owner = (step.args as { readonly owner: string }).owner;
      if (!k.hooks.hmm_is_device_private_entry(folioView(k, t.fault.slot), { owner })) return t.id;
      if (step.op === 'device_write' && !writable(p, a.vpn, a.npages ?? 1, k, t)) return t.id;
    }
  }
  return undefined;
}

/** Does a vpn of [vpn, vpn + npages) of p map the device-private page paused thread t works on. */
function holds(k: KernelState, p: Proc | undefined, vpn: number, npages: number, t: KThread): boolean {
  for (let v = vpn; v < vpn + npages; v++) {
    const pte = p?.ptes.get(v);
    if (pte?.kind === 'device-private' && slotOfPfn(k, pte.pfn) === t.fault.slot) return true;
  }
  return false;
}

/** Is every entry of the range that maps t's page writable. */
function writable(p: Proc | undefined, vpn: number, npages: number, k: KernelState, t: KThread): boolean {
  for (let v = vpn; v < vpn + npages; v++) {
    const pte = p?.ptes.get(v);
    if (pte?.kind === 'device-private' && slotOfPfn(k, pte.pfn) === t.fault.slot && !pte.write) return false;
  }
  return true;
}

/** The pages paused threads hold a reference on (do_swap_page's get_page), with the process of each thread. */
export function thread_refs(k: KernelState): { readonly pfn: number; readonly proc: number }[] {
  const out: { pfn: number; proc: number }[] = [];
  for (const t of k.threads.values()) if (t.fault.held) out.push({ pfn: k.mem.pfn[t.fault.slot] ?? -1, proc: t.fault.proc });
  return out;
}

/** Resume thread `id` from the point it is paused at. */
export function thread_resume(k: KernelState, id: string): ThreadProgress {
  const t = k.threads.get(id);
  if (!t) throw new Error(`thread ${id} is not running`);
  k.threads.delete(id);
  const r = do_swap_page_migrate(k, t.fault);
  // The fault failed: the CPU access gets SIGBUS (cpu_read / cpu_write).
  if (!r.ok) return { done: true, result: { signal: 'SIGBUS' } };
  return { done: true, result: access(k, t) };
}
