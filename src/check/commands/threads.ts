// The thread start command's choices (thread-command.ts): a CPU load or
// store, aimed at a device-private entry when any process has one — the
// only kind whose fault reaches an interleaving point (do_swap_page); an
// access elsewhere runs to its end when started.
import fc from 'fast-check';
import { biased, index, value } from '../choices.ts';
import { command, step } from '../command-spec.ts';
import { liveProcs, pick, pickProcVpn } from '../handles.ts';
import type { ProcId, Vpn } from '../../../models/vocabulary.ts';

export const thread_start = command({
  op: 'cpu_read',
  choices: () => fc.record({ proc: index(), vpn: index(), write: biased(1, 2), value: value() }),
  resolve: (c, s) => {
    // Every device-private entry of every process first, then a device page of the chosen one.
    const entries: { proc: ProcId; vpn: Vpn }[] = [];
    for (const proc of liveProcs(s)) for (const [vpn, pte] of Object.entries(s.procs[proc]?.ptes ?? {})) if (pte.kind === 'device-private') entries.push({ proc, vpn: Number(vpn) });
    const at = pick(entries, c.vpn) ?? pickProcVpn(s, c.proc, 'device', c.vpn);
    if (at === undefined) return undefined;
    return c.write ? step('cpu_write', { proc: at.proc, vpn: at.vpn, value: c.value }) : step('cpu_read', { proc: at.proc, vpn: at.vpn });
  },
});
