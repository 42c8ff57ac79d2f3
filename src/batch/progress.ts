/**
 * Progress of a batch, on standard error only (standard output stays clean for piped data):
 * - on a terminal, a cli-progress bar with runs done, runs per second and time left;
 * - otherwise (piped, CI, a log file) a plain line every few seconds;
 * - nothing with `--quiet`.
 * Wall-clock time is used here only for display; it never affects results.
 */
import cliProgress from 'cli-progress';
import { formatter, t, type Lang } from '../i18n/index.js';

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
  constructor(
    private readonly label: string,
    private readonly lang: Lang = 'en',
  ) {}
  start(total: number, done: number): void {
    this.total = total;
    this.done = done;
    this.rate = new Rate(done);
    this.bar = new cliProgress.SingleBar(
      {
        format: t('progress.bar', this.lang, { label: this.label }),
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
    this.bar?.update(this.done, { rate: formatter(this.lang).decimal(r, 1), left: formatDuration(r > 0 ? (this.total - this.done) / r : NaN) });
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
    private readonly lang: Lang = 'en',
  ) {}
  start(total: number, done: number): void {
    this.total = total;
    this.done = done;
    this.rate = new Rate(done);
    this.last = performance.now();
    this.write(t(done > 0 ? 'progress.already' : 'progress.start', this.lang, { label: this.label, total, done }) + '\n');
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
    const fmt = formatter(this.lang);
    const pct = fmt.percent(this.total > 0 ? this.done / this.total : 1, 1);
    const left = this.done >= this.total ? t('progress.done', this.lang) : t('progress.left', this.lang, { time: formatDuration(r > 0 ? (this.total - this.done) / r : NaN) });
    this.write(t('progress.line', this.lang, { label: this.label, done: this.done, total: this.total, pct, rate: fmt.decimal(r, 1), left }) + '\n');
  }
}

/** The progress display for the situation: quiet, a bar on a terminal, plain lines otherwise. */
export function chooseProgress(options: { quiet: boolean; label: string; err: (text: string) => void; tty?: boolean; lang?: Lang }): ProgressSink {
  if (options.quiet) return silentProgress;
  if (options.tty ?? process.stderr.isTTY === true) return new BarProgress(options.label, options.lang);
  return new LineProgress(options.label, options.err, 5000, options.lang);
}
