// Progress of `zdspec explore` on stderr: on a terminal one line rewritten a
// few times a second; elsewhere a line every ~10 s (ZDSPEC_PROGRESS_MS), so a
// long search is never silent.
import type { ExploreProgress } from '../../explore/explore.ts';

/** ZDSPEC_PROGRESS_MS: milliseconds between lines off a terminal; unset, blank or not a number ≥ 0: 10 s. */
function progressEvery(raw: string | undefined): number {
  const ms = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isFinite(ms) && ms >= 0 ? ms : 10_000;
}

/** `tty`: the invocation's terminal (CliIo.isTTY), not this process's: main() may run with other streams. */
export function exploreProgress(tty: boolean, write: (s: string) => void): { update: (p: ExploreProgress) => void; stop: () => void } {
  const every = tty ? 200 : progressEvery(process.env.ZDSPEC_PROGRESS_MS);
  let last = performance.now();
  let shown = false;
  return {
    update(p) {
      const now = performance.now();
      if (now - last < every) return;
      last = now;
      const rate = Math.round(p.states / Math.max(0.001, p.elapsedMs / 1000));
      const line = `explore: depth ${p.depth}, ${p.states.toLocaleString('en-US')} states, ${p.transitions.toLocaleString('en-US')} transitions, ${rate.toLocaleString('en-US')} states/s`;
      if (tty) {
        write(`\r\x1b[2K${line}`);
        shown = true;
      } else write(`${line}\n`);
    },
    stop() {
      if (shown) write('\r\x1b[2K');
    },
  };
}
