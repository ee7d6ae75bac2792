import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@woonbrug/config';
import { PeriodicTask } from '@woonbrug/kernel';
import { AnonymiseExpiredCases } from '../application/anonymise-expired-cases';

/**
 * Runs retention every `RETENTION_SCAN_INTERVAL_SECONDS` (daily by default, 0 = never) in the
 * process that registers it: the worker portal. Safe on several instances (advisory lock).
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Retention');
  private readonly task: PeriodicTask;

  constructor(
    retention: AnonymiseExpiredCases,
    private readonly config: AppConfig,
  ) {
    this.task = new PeriodicTask(
      async () => {
        const result = await retention.runOnce();
        if (result.anonymisedCaseIds.length > 0) this.logger.log({ count: result.anonymisedCaseIds.length, cutoff: result.cutoff }, 'cases anonymised');
      },
      (error) => this.logger.error({ err: error }, 'retention run failed'),
    );
  }

  onApplicationBootstrap(): void {
    this.task.start(this.config.RETENTION_SCAN_INTERVAL_SECONDS);
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }
}
