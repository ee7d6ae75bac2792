import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@woonbrug/config';
import { DeadlineScan } from '../application/deadline-scan';
import { notificationSettings } from './notification-settings';

/**
 * Runs the deadline scan every `DEADLINE_SCAN_INTERVAL_SECONDS` (0 = never) in the process that
 * registers it: the worker portal. The first scan comes one interval after start, so that a
 * restart loop cannot hammer the database. Several instances may run it: the scan itself takes
 * an advisory lock and is idempotent. The timer does not keep the process alive, and shutdown
 * waits for a scan in progress.
 */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DeadlineScheduler');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly scan: DeadlineScan,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = notificationSettings(this.config).scanIntervalSeconds;
    if (seconds <= 0) return;
    this.timer = setInterval(() => this.tick(), seconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Starts a scan unless the previous one of this process is still running. */
  private tick(): void {
    if (this.running) return;
    this.running = this.scan
      .runOnce()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error({ err: error }, 'deadline scan failed'))
      .finally(() => {
        this.running = undefined;
      });
  }
}
