// Enabled GUP steps (src/check/commands/gup.ts is their random counterpart):
// references and pins, of every kind, at every vpn; the release of each.
import type { Step } from '../../../models/ops.ts';
import { step } from '../../check/command-spec.ts';
import { livePins, liveRefs } from '../../check/handles.ts';
import type { Domain } from '../domain.ts';

const BOTH = [false, true] as const;

export const get_user_pages = (d: Domain): Step[] => d.vpns.flatMap(({ proc, vpn }) => BOTH.flatMap((write) => BOTH.map((fast) => step('get_user_pages', { proc, vpn, write, fast }))));

export const pin_user_pages = (d: Domain): Step[] =>
  d.vpns.flatMap(({ proc, vpn }) => BOTH.flatMap((write) => BOTH.flatMap((longterm) => BOTH.map((fast) => step('pin_user_pages', { proc, vpn, write, longterm, fast })))));

export const put_page = (d: Domain): Step[] => liveRefs(d.s).map((ref) => step('put_page', { ref }));

export const unpin_user_page = (d: Domain): Step[] => livePins(d.s).map((pin) => step('unpin_user_page', { pin }));
