// Progress of `zdspec check` on stderr. On a terminal: one line rewritten in
// place, a few times a second. Off a terminal (CI logs, a redirected run):
// one line every ~10 s (ZDSPEC_PROGRESS_MS changes it), so a long run is never
// silent. Counts add up over every proposal of the run.

export interface JobProgress {
  readonly runs: number;
  readonly commands: number;
  readonly failing: boolean;
}

export interface ProgressLine {
  update(job: number, label: string, p: JobProgress): void;
  /** A job finished: its last counts stay in the totals. */
  done(job: number): void;
  finding(): void;
  /** Before anything else is written to the terminal. */
  clear(): void;
  stop(): void;
}

const TTY_EVERY_MS = 200;

const compact = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e4 ? `${Math.round(n / 1e3)}k` : String(n));

export function progressLine(tty: boolean, write: (s: string) => void, jobs: number, started = performance.now()): ProgressLine {
  const LOG_EVERY_MS = Number(process.env.ZDSPEC_PROGRESS_MS ?? 10_000);
  const per = new Map<number, JobProgress & { label: string }>();
  const finished = new Set<number>();
  let findings = 0;
  let shown = false;
  let last = 0;
  const text = () => {
    let runs = 0;
    let commands = 0;
    for (const p of per.values()) {
      runs += p.runs;
      commands += p.commands;
    }
    const secs = (performance.now() - started) / 1000;
    const rate = secs > 0 ? Math.round(commands / secs) : 0;
    const shrinking = [...per.entries()].filter(([j, p]) => p.failing && !finished.has(j)).map(([, p]) => p.label);
    return (
      `check: ${finished.size}/${jobs} proposals done, ${compact(runs)} runs, ${compact(commands)} commands, ` +
      `${rate} commands/s, ${findings} finding${findings === 1 ? '' : 's'}, ${secs.toFixed(0)} s` +
      (shrinking.length ? `; shrinking ${shrinking.join(', ')}` : '')
    );
  };
  const show = (force = false) => {
    const now = performance.now();
    if (!force && now - last < (tty ? TTY_EVERY_MS : LOG_EVERY_MS)) return;
    last = now;
    if (tty) {
      write(`\r\x1b[K${text().slice(0, (process.stderr.columns ?? 80) - 1)}`);
      shown = true;
    } else write(`${text()}\n`);
  };
  // Off a terminal the first line comes after one interval, then every interval.
  last = started;
  const timer = tty ? undefined : setInterval(() => show(true), LOG_EVERY_MS);
  timer?.unref();
  return {
    update(job, label, p) {
      per.set(job, { ...p, label });
      if (tty) show();
    },
    done(job) {
      finished.add(job);
    },
    finding() {
      findings++;
    },
    clear() {
      if (shown) write('\r\x1b[K');
      shown = false;
    },
    stop() {
      if (timer) clearInterval(timer);
      this.clear();
    },
  };
}
