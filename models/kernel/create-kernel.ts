// createKernel: one running kernel model with a proposal's hooks. Each
// operation is the kernel entry point it is named after (see the files of
// this directory); apply() runs one and collects its events. Tasks the
// operation woke (wake_up_var) run when it returns: the model's other tasks
// run one operation at a time.
import type { Era } from '../eras/era.ts';
import type { KernelInstance, KernelSnapshot } from '../model.ts';
import type { OpArgs, OpName, OpResult, Step } from '../ops.ts';
import type { AbsState } from '../state.ts';
import type { View } from '../view.ts';
import { abstractState } from './abstract.ts';
import { run_woken_tasks } from './dax-break-layout.ts';
import { type KernelData, saveData, stateFrom } from './clone-state.ts';
import { check_exclusive, make_device_exclusive } from './device-exclusive.ts';
import { drop_caches } from './drop-caches.ts';
import { fallocate_punch_hole } from './fallocate.ts';
import { migrate_to_device, migrate_to_ram } from './dmirror-ops.ts';
import { fork } from './fork.ts';
import { Ghost } from './ghost.ts';
import { get_user_pages, pin_user_pages, put_page, unpin_user_page } from './gup-ops.ts';
import { device_read, device_write, snapshot } from './hmm.ts';
import type { Hooks } from './hooks.ts';
import { kernelView } from './kernel-view.ts';
import { type KernelState, createState } from './kstate.ts';
import { mem_cgroup_create, mem_cgroup_move_task } from './memcg-ops.ts';
import { memory_failure } from './memory-failure.ts';
import { memremap_pages, memunmap_pages } from './memremap.ts';
import { migrate_device_range } from './migrate-device-range.ts';
import { migrate_racing_fault } from './migrate-racing-fault.ts';
import { madvise_dontneed } from './madvise.ts';
import { exit, mmap, mprotect, munmap } from './mmap.ts';
import { move_pages } from './move-pages.ts';
import { cpu_read, cpu_write } from './user-access.ts';
import { stateWords } from './state-words.ts';
import { isThreadStep, thread_blocks, thread_refs, thread_resume, thread_start } from './threads.ts';
import { fsync } from './writeback.ts';

/** should_fail_alloc_page / the driver's allocator: arm one failure. */
function fail_next_alloc(k: KernelState, a: OpArgs['fail_next_alloc']): OpResult<'fail_next_alloc'> {
  if (a.where === 'device') k.failNextAlloc.device = true;
  else if (a.where === 'system') k.failNextAlloc.system = true;
  else return { errno: 'EINVAL' };
  return {};
}

type Handlers = { readonly [K in OpName]: (k: KernelState, a: OpArgs[K]) => OpResult<K> };

const HANDLERS: Handlers = {
  memremap_pages,
  memunmap_pages,
  migrate_to_device,
  migrate_to_ram,
  migrate_device_range,
  migrate_racing_fault,
  device_read,
  device_write,
  snapshot,
  make_device_exclusive,
  check_exclusive,
  mmap,
  munmap,
  mprotect,
  madvise_dontneed,
  cpu_read,
  cpu_write,
  fork,
  exit,
  fallocate_punch_hole,
  fsync,
  drop_caches,
  move_pages,
  get_user_pages,
  pin_user_pages,
  put_page,
  unpin_user_page,
  mem_cgroup_create,
  mem_cgroup_move_task,
  memory_failure,
  fail_next_alloc,
};

export function createKernel(era: Era, hooks: Hooks): KernelInstance {
  let k = createState(era, hooks, new Ghost());
  // The last abstraction: the next one reuses its unchanged objects (abstract.ts).
  let last: AbsState | undefined;
  let lastView: View | undefined;
  const abstract = (): AbsState => {
    last = abstractState(k, last);
    return last;
  };
  return {
    apply(step: Step) {
      k.events = [];
      const handler = HANDLERS[step.op] as ((k: KernelState, a: unknown) => OpResult) | undefined;
      if (!handler) throw new Error(`unknown operation ${String(step.op)}`);
      const result = handler(k, step.args);
      run_woken_tasks(k);
      return { result, events: k.events };
    },
    abstract,
    view: () => {
      lastView = kernelView(k, abstract(), lastView);
      return lastView;
    },
    save: () => saveData(k) as unknown as KernelSnapshot,
    restore: (snapshot, view) => {
      k = stateFrom(snapshot as unknown as KernelData, era, hooks);
      if (view !== undefined) {
        last = view.state;
        lastView = view;
      }
    },
    stateWords: () => stateWords(k),
    startThread(id, step) {
      k.events = [];
      if (!isThreadStep(step)) throw new Error(`${step.op} cannot run as a thread (threads.ts THREAD_OPS)`);
      const progress = thread_start(k, id, step);
      run_woken_tasks(k);
      return { progress, events: k.events };
    },
    resumeThread(id) {
      k.events = [];
      const progress = thread_resume(k, id);
      run_woken_tasks(k);
      return { progress, events: k.events };
    },
    blockedBy: (step) => thread_blocks(k, step),
    threadRefs: () => thread_refs(k),
    pausedThreads: () => [...k.threads.values()].map((t) => ({ id: t.id, label: t.label })),
  };
}
