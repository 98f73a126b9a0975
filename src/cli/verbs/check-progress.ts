// The progress line of `zdspec check` on a terminal: runs done, commands
// executed, elapsed time and rate, rewritten in place on stderr. Nothing
// when stderr is not a terminal (CI logs stay clean).
import type { CheckProgress } from '../../check/check-proposal.ts';

export interface ProgressLine {
  update(label: string, p: CheckProgress): void;
  clear(): void;
}

export function progressLine(enabled: boolean, write: (s: string) => void): ProgressLine {
  let shown = false;
  return {
    update(label, p) {
      if (!enabled) return;
      const secs = p.elapsedMs / 1000;
      const rate = secs > 0 ? Math.round(p.commands / secs) : 0;
      const phase = p.failing ? ', shrinking' : '';
      write(`\r\x1b[K${label}: ${p.runs} runs, ${p.commands} commands, ${secs.toFixed(1)} s, ${rate} commands/s${phase}`);
      shown = true;
    },
    clear() {
      if (shown) write('\r\x1b[K');
      shown = false;
    },
  };
}
