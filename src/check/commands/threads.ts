// The thread start commands' choices (thread-command.ts): a CPU load or
// store, or a get/pin_user_pages, aimed at a device-private entry when any
// process has one (the only kind whose fault reaches do_swap_page's point;
// an access elsewhere runs to its end when started), a fast get/pin of a
// mapped page (gup_fast_pte_range's point), a long-term pin of a device
// page (__gup_longterm_locked's), a put_page, unpin_user_page
// or one-page munmap (a final put of a device page reaches
// free_zone_device_folio's), a fork (copy_present_ptes'), a one-page
// driver migration, a memory_failure by pgmap and index, and a
// memunmap_pages.
import fc from 'fast-check';
import { biased, index, value } from '../choices.ts';
import { command, step } from '../command-spec.ts';
import type { Step } from '../../../models/ops.ts';
import { memunmap_pages, migrate_to_device, migrate_to_ram } from './driver.ts';
import { memory_failure } from './faults.ts';
import { put_page, unpin_user_page } from './gup.ts';
import { fork } from './process.ts';
import { liveProcs, pick, pickProcVpn } from '../handles.ts';
import type { ProcId, Vpn } from '../../../models/vocabulary.ts';

export const thread_start = command({
  op: 'cpu_read',
  choices: () =>
    fc.record({
      proc: index(),
      vpn: index(),
      write: biased(1, 2),
      value: value(),
      // Half the time a CPU access, else GUP's faultin_page (get or pin, one page).
      via: fc.constantFrom('cpu', 'cpu', 'get', 'pin'),
      fast: fc.boolean(),
      longterm: fc.boolean(),
    }),
  resolve: (c, s) => {
    // Every device-private entry of every process first, then a device page of the chosen one.
    const entries: { proc: ProcId; vpn: Vpn }[] = [];
    for (const proc of liveProcs(s)) for (const [vpn, pte] of Object.entries(s.procs[proc]?.ptes ?? {})) if (pte.kind === 'device-private') entries.push({ proc, vpn: Number(vpn) });
    const at = pick(entries, c.vpn) ?? pickProcVpn(s, c.proc, 'device', c.vpn);
    if (at === undefined) return undefined;
    if (c.via === 'get') return step('get_user_pages', { proc: at.proc, vpn: at.vpn, write: c.write, fast: c.fast });
    if (c.via === 'pin') return step('pin_user_pages', { proc: at.proc, vpn: at.vpn, write: c.write, longterm: c.longterm, fast: c.fast });
    return c.write ? step('cpu_write', { proc: at.proc, vpn: at.vpn, value: c.value }) : step('cpu_read', { proc: at.proc, vpn: at.vpn });
  },
});

/**
 * get_user_pages_fast / pin_user_pages_fast of a mapped page, started as a
 * thread: one whose PTE permits the access pauses past gup_fast_pte_range's
 * lockless read (threads.ts).
 */
export const thread_start_gup_fast = command({
  op: 'pin_user_pages',
  choices: () => fc.record({ proc: index(), vpn: index(), write: biased(2, 1), pin: biased(2, 1), longterm: fc.boolean() }),
  resolve: (c, s) => {
    const at = pickProcVpn(s, c.proc, 'mapped', c.vpn);
    if (at === undefined) return undefined;
    if (!c.pin) return step('get_user_pages', { proc: at.proc, vpn: at.vpn, write: c.write, fast: true });
    return step('pin_user_pages', { proc: at.proc, vpn: at.vpn, write: c.write, longterm: c.longterm, fast: true });
  },
});

/**
 * A long-term pin_user_pages of a page backed by device memory, started as
 * a thread: on a MEMORY_DEVICE_COHERENT page, a round of
 * __gup_longterm_locked migrates it and the thread pauses before the next
 * (threads.ts) — the fast form after gup_fast_pte_range's point.
 */
export const thread_start_gup_longterm = command({
  op: 'pin_user_pages',
  choices: () => fc.record({ proc: index(), vpn: index(), write: biased(2, 1), fast: fc.boolean() }),
  resolve: (c, s) => {
    const at = pickProcVpn(s, c.proc, 'device', c.vpn);
    return at && step('pin_user_pages', { proc: at.proc, vpn: at.vpn, write: c.write, longterm: true, fast: c.fast });
  },
});

/**
 * A final put started as a thread: put_page, unpin_user_page, or munmap of
 * one page (a page backed by device memory when the process has one). The
 * last put of a MEMORY_DEVICE_PRIVATE or COHERENT page with a
 * per-allocation pgmap reference pauses in free_zone_device_folio
 * (threads.ts).
 */
export const thread_start_final_put = command({
  op: 'put_page',
  choices: (era) => fc.record({ via: fc.constantFrom('munmap', 'munmap', 'put', 'unpin'), proc: index(), vpn: index(), ref: put_page.choices(era), pin: unpin_user_page.choices(era) }),
  // The kind drawn, else another when no handle of that kind is live.
  resolve: (c, s, era) => {
    const ref = () => put_page.resolve(c.ref, s, era);
    const pin = () => unpin_user_page.resolve(c.pin, s, era);
    const unmap = () => {
      const at = pickProcVpn(s, c.proc, 'device', c.vpn);
      return at && step('munmap', { proc: at.proc, vpn: at.vpn, npages: 1 });
    };
    if (c.via === 'munmap') return unmap();
    return c.via === 'unpin' ? (pin() ?? ref() ?? unmap()) : (ref() ?? pin() ?? unmap());
  },
});

/**
 * fork started as a thread: it pauses before write-protecting the first
 * writable PTE of a page it shares with the child (threads.ts). The atomic
 * command's choices and resolution.
 */
export const thread_start_fork = command({
  op: 'fork',
  choices: (era) => fork.choices(era),
  resolve: (c, s, era) => fork.resolve(c, s, era),
});

/**
 * A one-page driver migration started as a thread: the only kind that
 * pauses in __migrate_device_finalize (threads.ts). The atomic commands'
 * choices and resolution, with the range cut to its first page.
 */
export const thread_start_migration = command({
  op: 'migrate_to_device',
  choices: (era) => fc.record({ toDevice: biased(2, 1), device: migrate_to_device.choices(era), ram: migrate_to_ram.choices(era) }),
  resolve: (c, s, era) => {
    const step = c.toDevice ? migrate_to_device.resolve(c.device, s, era) : migrate_to_ram.resolve(c.ram, s, era);
    if (step === undefined || (step.op !== 'migrate_to_device' && step.op !== 'migrate_to_ram')) return undefined;
    return { ...step, args: { ...step.args, npages: 1 } } as Step;
  },
});

/**
 * memory_failure started as a thread, by pgmap and index: the form that
 * pauses past get_dev_pagemap (threads.ts; by address it runs to its end).
 * The atomic command's choices and resolution.
 */
export const thread_start_memory_failure = command({
  op: 'memory_failure',
  choices: (era) => memory_failure.choices(era),
  resolve: (c, s, era) => memory_failure.resolve({ ...c, byVpn: false }, s, era),
});

/**
 * memunmap_pages started as a thread: it pauses once its wait for the
 * pgmap's users returned, before pageunmap_range (memunmap-thread.ts). The
 * atomic command's choices and resolution.
 */
export const thread_start_memunmap = command({
  op: 'memunmap_pages',
  choices: (era) => memunmap_pages.choices(era),
  resolve: (c, s, era) => memunmap_pages.resolve(c, s, era),
});
