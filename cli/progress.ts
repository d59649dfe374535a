// The progress line of a long run on stderr (eval --batch, roster check): count, bar and ETA
// when the total is known, rate.

/** The progress line on stderr (only on a terminal), redrawn at most every 100 ms. */
export class Progress {
  private last = 0;
  private readonly start = performance.now();
  constructor(
    private readonly enabled: boolean,
    private readonly total: number | null,
  ) {}

  update(done: number, force = false): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const seconds = (now - this.start) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    let line = `  ${done.toLocaleString('en-US')}`;
    if (this.total !== null && this.total > 0) {
      const f = Math.min(1, done / this.total);
      const width = 24;
      const filled = Math.round(f * width);
      line = `  [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')}`;
      if (rate > 0) line += ` · ETA ${Math.max(0, Math.ceil((this.total - done) / rate))} s`;
    }
    line += ` · ${Math.round(rate).toLocaleString('en-US')}/s`;
    process.stderr.write(`\r${line}\x1b[K`);
  }

  clear(): void {
    if (this.enabled) process.stderr.write('\r\x1b[K');
  }
}
