import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@woonbrug/config';
import { PeriodicTask } from '@woonbrug/kernel';
import { DeadlineScan } from '../application/deadline-scan';
import { notificationSettings } from './notification-settings';

/**
 * Runs the deadline scan every `DEADLINE_SCAN_INTERVAL_SECONDS` (0 = never) in the process that
 * registers it: the worker portal. Several instances may run it: the scan itself takes an
 * advisory lock and is idempotent. Timing rules: {@link PeriodicTask}.
 */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DeadlineScheduler');
  private readonly task: PeriodicTask;

  constructor(
    scan: DeadlineScan,
    private readonly config: AppConfig,
  ) {
    this.task = new PeriodicTask(
      () => scan.runOnce(),
      (error) => this.logger.error({ err: error }, 'deadline scan failed'),
    );
  }

  onApplicationBootstrap(): void {
    this.task.start(notificationSettings(this.config).scanIntervalSeconds);
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }
}
