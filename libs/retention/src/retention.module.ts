import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@woonbrug/audit';
import { AnonymiseExpiredCases } from './application/anonymise-expired-cases';
import { RetentionScheduler } from './infrastructure/retention-scheduler';

/**
 * Retention: closed and declined cases older than `RETENTION_MONTHS` are anonymised; the figures
 * and the audit chain stay. Needs the config and database modules in the app.
 * {@link RetentionModule.withScheduledRun} adds the daily timer, for the worker portal only.
 */
@Module({
  imports: [AuditModule],
  providers: [AnonymiseExpiredCases],
  exports: [AnonymiseExpiredCases],
})
export class RetentionModule {
  /** The module plus the scheduled run (`RETENTION_SCAN_INTERVAL_SECONDS`). */
  static withScheduledRun(): DynamicModule {
    return { module: RetentionModule, providers: [RetentionScheduler] };
  }
}
