// GUP commands (DESIGN §2): references and pins, mostly on mapped pages and
// device pages, long-term pins common — the seeds' bugs live there.
import fc from 'fast-check';
import { command, step } from '../command-spec.ts';
import { mmapFirst } from './prerequisite.ts';
import { biased, index, prefer } from '../choices.ts';
import { livePins, liveRefs, pick, pickProcVpn } from '../handles.ts';

export const get_user_pages = command({
  op: 'get_user_pages',
  choices: () => fc.record({ proc: index(), vpn: index(), prefer: prefer(), write: fc.boolean(), fast: biased(1, 2) }),
  resolve: (c, s) => {
    const at = pickProcVpn(s, c.proc, c.prefer, c.vpn);
    return at === undefined ? mmapFirst(s, c.proc, 2) : step('get_user_pages', { proc: at.proc, vpn: at.vpn, write: c.write, fast: c.fast });
  },
});

export const pin_user_pages = command({
  op: 'pin_user_pages',
  choices: () => fc.record({ proc: index(), vpn: index(), prefer: prefer(), write: fc.boolean(), longterm: biased(3, 1), fast: biased(1, 2) }),
  resolve: (c, s) => {
    const at = pickProcVpn(s, c.proc, c.prefer, c.vpn);
    return at === undefined ? mmapFirst(s, c.proc, 2) : step('pin_user_pages', { proc: at.proc, vpn: at.vpn, write: c.write, longterm: c.longterm, fast: c.fast });
  },
});

export const put_page = command({
  op: 'put_page',
  choices: () => fc.record({ ref: index() }),
  resolve: (c, s) => {
    const ref = pick(liveRefs(s), c.ref);
    return ref && step('put_page', { ref });
  },
});

export const unpin_user_page = command({
  op: 'unpin_user_page',
  choices: () => fc.record({ pin: index() }),
  resolve: (c, s) => {
    const pin = pick(livePins(s), c.pin);
    return pin && step('unpin_user_page', { pin });
  },
});
