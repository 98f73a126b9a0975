// Kernel threads (issue 12): an operation started as a thread runs until it
// reaches an interleaving point (interleaving-points.ts) and pauses there,
// with its locals in the state (KernelState.threads), while other
// operations run; resuming it runs it to its next point or its end. An
// operation that reaches no point on its way runs to its end when started.
//
// - CPU accesses and GUP (one page, as a driver calls it) pause in
//   do_swap_page where it drops the PTE lock before migrate_to_ram.
//   Resumed, the fault finishes and the access is retried, as the CPU
//   re-executes the instruction once the fault handler returns and GUP's
//   loop goes back to follow_page_pte after faultin_page: they find
//   whatever the PTE became in the meantime.
// - The driver's migrations (migrate_to_device, migrate_to_ram) whose
//   migrate_vma_collect replaced a present PTE by a migration entry pause
//   past its pte_unmap_unlock, with the translations the proposal's
//   flush_tlb_range left for after it (tlb.ts); resumed, they flush and go
//   on — and may pause again past migrate_vma_setup, when its
//   try_to_migrate made another process's mapping a migration entry
//   (other processes may fork, mmap, mprotect, munmap, exit, zap, fault
//   and GUP off migration entries meanwhile; resumed, the driver copies
//   and migrate_vma_pages runs), and in finalize:
// - The driver's one-page migrations (npages 1) pause in
//   __migrate_device_finalize once the page moved:
//   its destination mapped, the LRU additions made, the folio_puts not yet.
//   (One page, so no other entry of the migration is still a migration
//   entry there, which the abstraction has no kind for.)
// - get_user_pages_fast / pin_user_pages_fast of a present page whose PTE
//   permits the access pause in gup_fast_pte_range between its lockless
//   read of the PTE and try_grab_folio_fast. Resumed, it grabs the folio
//   the value names and reads the PTE again; if it changed, it drops the
//   reference and takes the slow path from the start (check_vma_flags).
// - put_page, unpin_user_page and munmap whose put is the final one of a
//   MEMORY_DEVICE_PRIVATE or COHERENT page with a per-allocation pgmap
//   reference (v6.1+) pause in free_zone_device_folio between the driver's
//   page_free and put_dev_pagemap (in the proposal's order); resumed, the
//   other step runs. munmap pauses at the first such free of its zap
//   (tlb_finish_mmu → release_pages) and runs the rest of its work before
//   the pause: the VMAs are already detached when the kernel zaps
//   (vms_gather_munmap_vmas), and the other pages of its batch are freed
//   then too. Other final puts (exit, a migration's) run through.
// - fork pauses in copy_present_ptes at the first page it shares with the
//   child while the parent's PTE still allows writes: after
//   folio_try_dup_anon_rmap_pte (the page is not pinned), before
//   ptep_set_wrprotect. The rest of copy_page_range has run; resumed, the
//   parent's PTE is write-protected.
// - memory_failure of a ZONE_DEVICE pfn (the pgmap+index form: a pfn, as
//   the kernel's memory_failure(pfn) takes) pauses past get_dev_pagemap
//   (the pgmap reference taken, put_ref_page done), before
//   memory_failure_dev_pagemap; it holds mf_mutex throughout.
// - memunmap_pages pauses once its wait for the users' references returned,
//   before pageunmap_range (memunmap-thread.ts); one that would wait for
//   ever returns EBUSY as run atomically.
// - pin_user_pages with FOLL_LONGTERM pauses in __gup_longterm_locked once
//   a round migrated the MEMORY_DEVICE_COHERENT page it pinned (-EAGAIN,
//   the pin dropped), before the next round; resumed, that round walks
//   the page tables again (or, in a proposal that keeps the destination,
//   pins it). A fast pin may pause at gup_fast_pte_range's point first and
//   reach this one once it falls back.
import type { ThreadProgress } from '../model.ts';
import type { OpArgs, OpResult, Step } from '../ops.ts';
import { do_swap_page_lock, do_swap_page_migrate } from './do-swap-page.ts';
import type { ForkWrprotect, FreeHalf, KernelState, KThread } from './kstate.ts';
import { fork } from './fork.ts';
import { collect_resume, finalize_resume, migration_start, setup_resume } from './migration-thread.ts';
import { access_vma, cpu_read, cpu_write } from './user-access.ts';
import { __get_user_pages, check_vma_flags, gup_fast_grab, gup_fast_read, vm_fault_to_errno } from './gup.ts';
import { get_user_pages, gup_flags, gup_pin, gup_reference, pin_user_pages, put_page, unpin_user_page } from './gup-ops.ts';
import { free_zone_device_folio_rest } from './memremap.ts';
import { munmap } from './mmap.ts';
import type { FaultError } from './memory.ts';
import type { Proc } from './kstate.ts';
import { getProc, handleNum } from './handles.ts';
import { collect_blocks, fork_blocks, free_blocks, gup_fast_blocks, longterm_blocks, memory_failure_blocks, memunmap_blocks, setup_blocks, swap_fault_blocks } from './thread-blocks.ts';
import { memunmap_resume, memunmap_start } from './memunmap-thread.ts';
import { longterm_armed, longterm_resume } from './longterm-thread.ts';
import { isPgmapFailure, memory_failure, memory_failure_get_dev_pagemap, memory_failure_pgmap_held } from './memory-failure.ts';

/** The operations a thread may run: those that reach an interleaving point. */
export const THREAD_OPS = [
  'cpu_read',
  'cpu_write',
  'get_user_pages',
  'pin_user_pages',
  'put_page',
  'unpin_user_page',
  'munmap',
  'fork',
  'migrate_to_device',
  'migrate_to_ram',
  'memory_failure',
  'memunmap_pages',
] as const;
export type ThreadOp = (typeof THREAD_OPS)[number];

export const isThreadStep = (step: Step): step is Extract<Step, { op: ThreadOp }> => (THREAD_OPS as readonly string[]).includes(step.op);

/** The operations that fault a device-private page through do_swap_page when started as a thread. */
type Access = Extract<Step, { op: 'cpu_read' | 'cpu_write' | 'get_user_pages' | 'pin_user_pages' }>;
const isGup = (s: Pick<Access, 'op'>): s is Pick<Extract<Access, { op: 'get_user_pages' | 'pin_user_pages' }>, 'op'> => s.op === 'get_user_pages' || s.op === 'pin_user_pages';
type Migration = Extract<Step, { op: 'migrate_to_device' | 'migrate_to_ram' }>;
type FinalPut = Extract<Step, { op: 'put_page' | 'unpin_user_page' | 'munmap' }>;

/**
 * The access run to its end from where it stands: the retried instruction,
 * or GUP's loop going back to follow_page_pte after faultin_page.
 */
function access(k: KernelState, s: Pick<Access, 'op' | 'args'>): OpResult {
  if (s.op === 'get_user_pages') return get_user_pages(k, s.args as OpArgs['get_user_pages']);
  if (s.op === 'pin_user_pages') return pin_user_pages(k, s.args as OpArgs['pin_user_pages']);
  return s.op === 'cpu_write' ? cpu_write(k, s.args as OpArgs['cpu_write']) : cpu_read(k, s.args);
}

/** A failed fault: SIGBUS for a CPU access, vm_fault_to_errno for GUP's faultin_page. */
const faultFailed = (s: Pick<Access, 'op'>, why: FaultError): OpResult => (isGup(s) ? { errno: vm_fault_to_errno(why) } : { signal: 'SIGBUS' });

/** The process whose vpn the access faults, when it gets that far: a CPU access's VMA checks (bad_area), GUP's check_vma_flags. */
function faulting(k: KernelState, s: Access): Proc | undefined {
  if (!isGup(s)) {
    const at = access_vma(k, s.args, s.op === 'cpu_write');
    return 'p' in at ? at.p : undefined;
  }
  const p = getProc(k, s.args.proc);
  return p && check_vma_flags(k, p, s.args.vpn, gup_flags(k, s.op, s.args)) === null ? p : undefined;
}

/** Start `step` as thread `id` (not running). */
export function thread_start(k: KernelState, id: string, step: Extract<Step, { op: ThreadOp }>): ThreadProgress {
  if (k.threads.has(id)) throw new Error(`thread ${id} is already running`);
  if (step.op === 'memory_failure') return memory_failure_start(k, id, step);
  if (step.op === 'memunmap_pages') return memunmap_start(k, id, step.args);
  if (step.op === 'put_page' || step.op === 'unpin_user_page' || step.op === 'munmap') return final_put_start(k, id, step);
  if (step.op === 'fork') return fork_start(k, id, step);
  return step.op === 'migrate_to_device' || step.op === 'migrate_to_ram' ? migration_start(k, id, step as Migration) : access_start(k, id, step as Access);
}

function memory_failure_start(k: KernelState, id: string, step: Extract<Step, { op: 'memory_failure' }>): ThreadProgress {
  // By address (madvise(MADV_HWPOISON)) the pfn comes from the PTE at the
  // start, and the contract names the target by that address, which a step
  // meanwhile may remap: only memory_failure(pfn) itself pauses.
  if (step.args.pgmap === undefined) return { done: true, result: memory_failure(k, step.args) };
  const r = memory_failure_get_dev_pagemap(k, step.args);
  if (!isPgmapFailure(r)) return { done: true, result: r };
  const label = 'memory_failure: get_dev_pagemap';
  k.threads.set(id, { id, op: step.op, args: step.args, label, mf: r });
  return { done: false, label };
}

/** The operation a final put runs, to its end but for what free_zone_device_folio leaves at the point. */
function final_put(k: KernelState, step: FinalPut): OpResult {
  if (step.op === 'munmap') return munmap(k, step.args);
  return step.op === 'put_page' ? put_page(k, step.args) : unpin_user_page(k, step.args);
}

function final_put_start(k: KernelState, id: string, step: FinalPut): ThreadProgress {
  // Armed for this call only: the first free_zone_device_folio to reach the point stops there.
  k.freeAt = {};
  let result: OpResult;
  let rest: FreeHalf | undefined;
  try {
    result = final_put(k, step);
  } finally {
    rest = k.freeAt.paused;
    k.freeAt = undefined;
  }
  if (rest === undefined) return { done: true, result };
  const label = 'free_zone_device_folio: page_free';
  k.threads.set(id, { id, op: step.op, args: step.args, label, free: rest });
  return { done: false, label };
}

function fork_start(k: KernelState, id: string, step: Extract<Step, { op: 'fork' }>): ThreadProgress {
  // Armed for this call only: the first PTE fork would write-protect stays writable.
  k.forkAt = {};
  let result: OpResult<'fork'>;
  let wrprotect: ForkWrprotect | undefined;
  try {
    result = fork(k, step.args);
  } finally {
    wrprotect = k.forkAt.paused;
    k.forkAt = undefined;
  }
  if (wrprotect === undefined) return { done: true, result };
  // A fork fails before copy_page_range, or not at all.
  const parent = getProc(k, step.args.proc);
  if (parent === undefined || !('child' in result)) throw new Error(`${id}: fork stopped before a write-protect but returned ${JSON.stringify(result)}`);
  const label = 'copy_present_ptes: folio_try_dup_anon_rmap_pte';
  k.threads.set(id, { id, op: 'fork', args: step.args, label, fork: { parent: parent.num, child: handleNum('p', result.child), wrprotect } });
  return { done: false, label };
}

function access_start(k: KernelState, id: string, step: Access): ThreadProgress {
  const p = faulting(k, step);
  // get/pin_user_pages_fast: gup_fast_pte_range's lockless read of an entry that permits the access.
  if (p !== undefined && (step.op === 'get_user_pages' || step.op === 'pin_user_pages') && step.args.fast) {
    const read = gup_fast_read(p, step.args.vpn, gup_flags(k, step.op, step.args));
    if (read !== null) {
      const label = 'gup_fast_pte_range: ptep_get_lockless';
      k.threads.set(id, { id, op: step.op, args: step.args, label, gupFast: { proc: p.num, read } });
      return { done: false, label };
    }
  }
  const pte = p?.ptes.get(step.args.vpn);
  // handle_mm_fault → do_swap_page (GUP: follow_page_pte finds no page, faultin_page):
  // only a device-private entry gets as far as the PTE unlock.
  if (p === undefined || pte?.kind !== 'device-private') return longterm_armed(k, id, step, () => access(k, step));
  const fault = do_swap_page_lock(k, p, step.args.vpn, pte);
  if ('ok' in fault) return { done: true, result: fault.ok ? access(k, step) : faultFailed(step, fault.why) };
  const label = 'do_swap_page: pte_unmap_unlock';
  k.threads.set(id, { id, op: step.op, args: step.args, label, fault });
  return { done: false, label };
}

/** Resume thread `id` from the point it is paused at. */
export function thread_resume(k: KernelState, id: string): ThreadProgress {
  const t = k.threads.get(id);
  if (!t) throw new Error(`thread ${id} is not running`);
  k.threads.delete(id);
  if ('mf' in t) return { done: true, result: memory_failure_pgmap_held(k, t.mf) };
  if ('unmap' in t) return { done: true, result: memunmap_resume(k, t) };
  if ('gupFast' in t) return longterm_armed(k, t.id, t, () => gup_fast_resume(k, t));
  if ('longterm' in t) return { done: true, result: longterm_resume(k, t) };
  if ('fork' in t) {
    // ptep_set_wrprotect; nothing else ran on the parent's page tables meanwhile (fork_blocks).
    const pte = k.procs.get(t.fork.parent)?.ptes.get(t.fork.wrprotect.vpn);
    if (pte === undefined) throw new Error(`${t.id}: the PTE fork left writable is gone`);
    pte.write = t.fork.wrprotect.write;
    return { done: true, result: { child: `p${t.fork.child}` } };
  }
  if ('free' in t) {
    // A put that freed a page succeeded: the handle is gone, the range unmapped.
    free_zone_device_folio_rest(k, t.free);
    return { done: true, result: {} };
  }
  if ('collect' in t) return collect_resume(k, t);
  if ('setup' in t) return setup_resume(k, t);
  if ('migrate' in t) return { done: true, result: finalize_resume(k, t) };
  const r = do_swap_page_migrate(k, t.fault);
  // The fault failed: the CPU access gets SIGBUS, GUP the fault's errno.
  if (!r.ok) return { done: true, result: faultFailed(t, r.why) };
  return { done: true, result: access(k, t) };
}

/**
 * Fast GUP goes on from the value it read: the grab and the re-read, or,
 * when that falls back, the slow path from the start (get_user_pages_unlocked
 * → __get_user_pages, its VMA checks included), and the driver's handle.
 */
function gup_fast_resume(k: KernelState, t: Extract<KThread, { gupFast: unknown }>): OpResult {
  const p = k.procs.get(t.gupFast.proc);
  // exit waits for the thread (gup_fast_blocks); a process is never gone otherwise.
  if (p === undefined) throw new Error(`${t.id}: the process of a paused fast GUP is gone`);
  const flags = gup_flags(k, t.op, t.args);
  const fast = gup_fast_grab(k, p, t.args.vpn, t.gupFast.read, flags);
  const r = fast === 'fallback' ? __get_user_pages(k, p, t.args.vpn, flags, false) : fast;
  return t.op === 'get_user_pages' ? gup_reference(k, p, r) : gup_pin(k, p, t.args as OpArgs['pin_user_pages'], r);
}

/**
 * The paused thread `step` would wait for, if any (a step that waits is not
 * enabled while the thread is paused): thread-blocks.ts for a paused fault,
 * fast GUP, free, fork, memory_failure, memunmap_pages, long-term pin or
 * migration paused in collect or past migrate_vma_setup; every step for a
 * migration paused in finalize — its pages are still locked and its mm
 * read-locked, and the model has no page locks to let the steps that would
 * skip a locked page (the collect of another migration) run past it, so
 * none runs until it goes on.
 */
export function thread_blocks(k: KernelState, step: Step): string | undefined {
  for (const t of k.threads.values()) {
    if ('migrate' in t) return t.id;
    const waits =
      'collect' in t
        ? collect_blocks(k, step, t.collect)
        : 'setup' in t
          ? setup_blocks(k, step, t.setup.proc, t.args)
          : 'fork' in t
            ? fork_blocks(k, step, t.fork.parent)
            : 'gupFast' in t
              ? gup_fast_blocks(k, step, t.gupFast.proc)
              : 'free' in t
                ? free_blocks(k, step, t)
                : 'mf' in t
                  ? memory_failure_blocks(k, step, t.mf)
                  : 'unmap' in t
                    ? memunmap_blocks(k, step, t.unmap.pgmap)
                    : 'longterm' in t
                      ? longterm_blocks(k, step, t.longterm)
                      : swap_fault_blocks(k, step, t.fault);
    if (waits) return t.id;
  }
  return undefined;
}

/** The pages paused faults hold a reference on (do_swap_page's get_page), with the process of each thread. */
export function thread_refs(k: KernelState): { readonly pfn: number; readonly proc: number }[] {
  const out: { pfn: number; proc: number }[] = [];
  for (const t of k.threads.values()) if ('fault' in t && t.fault.held) out.push({ pfn: k.mem.pfn[t.fault.slot] ?? -1, proc: t.fault.proc });
  return out;
}
