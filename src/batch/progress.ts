/**
 * Progress of a batch, on standard error only (standard output stays clean for piped data):
 * - on a terminal, a cli-progress bar with runs done, runs per second and time left;
 * - otherwise (piped, CI, a log file) a plain line every few seconds;
 * - nothing with `--quiet`.
 * Wall-clock time is used here only for display; it never affects results.
 */
import cliProgress from 'cli-progress';

export interface ProgressSink {
  start(total: number, done: number): void;
  tick(n: number): void;
  stop(): void;
}

export const silentProgress: ProgressSink = { start() {}, tick() {}, stop() {} };

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/** Runs per second over the runs done in this session (resumed runs excluded). */
class Rate {
  private readonly t0 = performance.now();
  constructor(private readonly done0: number) {}
  perSecond(done: number): number {
    const secs = (performance.now() - this.t0) / 1000;
    return secs > 0 ? (done - this.done0) / secs : 0;
  }
}

export class BarProgress implements ProgressSink {
  private bar: cliProgress.SingleBar | undefined;
  private rate = new Rate(0);
  private done = 0;
  private total = 0;
  constructor(private readonly label: string) {}
  start(total: number, done: number): void {
    this.total = total;
    this.done = done;
    this.rate = new Rate(done);
    this.bar = new cliProgress.SingleBar(
      {
        format: `${this.label} |{bar}| {value}/{total} runs | {rate} runs/s | {left} left`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: false,
        barsize: 30,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(total, done, { rate: '0.0', left: '?' });
  }
  tick(n: number): void {
    this.done += n;
    const r = this.rate.perSecond(this.done);
    this.bar?.update(this.done, { rate: r.toFixed(1), left: formatDuration(r > 0 ? (this.total - this.done) / r : NaN) });
  }
  stop(): void {
    this.bar?.stop();
  }
}

export class LineProgress implements ProgressSink {
  private rate = new Rate(0);
  private done = 0;
  private total = 0;
  private last = 0;
  constructor(
    private readonly label: string,
    private readonly write: (text: string) => void,
    private readonly intervalMs = 5000,
  ) {}
  start(total: number, done: number): void {
    this.total = total;
    this.done = done;
    this.rate = new Rate(done);
    this.last = performance.now();
    this.write(`${this.label}: ${total} runs${done > 0 ? `, ${done} already done` : ''}\n`);
  }
  tick(n: number): void {
    this.done += n;
    const now = performance.now();
    if (now - this.last >= this.intervalMs && this.done < this.total) {
      this.last = now;
      this.line();
    }
  }
  stop(): void {
    this.line();
  }
  private line(): void {
    const r = this.rate.perSecond(this.done);
    const pct = this.total > 0 ? ((100 * this.done) / this.total).toFixed(1) : '100.0';
    const left = this.done >= this.total ? 'done' : `about ${formatDuration(r > 0 ? (this.total - this.done) / r : NaN)} left`;
    this.write(`${this.label}: ${this.done}/${this.total} runs (${pct}%), ${r.toFixed(1)} runs/s, ${left}\n`);
  }
}

/** The progress display for the situation: quiet, a bar on a terminal, plain lines otherwise. */
export function chooseProgress(options: { quiet: boolean; label: string; err: (text: string) => void; tty?: boolean }): ProgressSink {
  if (options.quiet) return silentProgress;
  if (options.tty ?? process.stderr.isTTY === true) return new BarProgress(options.label);
  return new LineProgress(options.label, options.err);
}
