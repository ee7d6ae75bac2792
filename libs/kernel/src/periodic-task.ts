/**
 * Runs a task every few seconds in this process: the first run one interval after `start` (a
 * restart loop cannot hammer the database), a tick is skipped while the previous run still goes,
 * a failed run is reported and the next tick tries again, the timer does not keep the process
 * alive, and `stop` waits for a run in progress. Safety across instances is the task's own
 * business (the scheduled jobs take an advisory lock).
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly task: () => Promise<unknown>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts the timer; an interval of 0 (or less) means never. */
  start(intervalSeconds: number): void {
    if (intervalSeconds <= 0 || this.timer) return;
    this.timer = setInterval(() => this.tick(), intervalSeconds * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.task()
      .then(() => undefined)
      .catch((error: unknown) => this.onError(error))
      .finally(() => {
        this.running = undefined;
      });
  }
}
