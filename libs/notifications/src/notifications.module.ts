import { Module, type DynamicModule } from '@nestjs/common';
import { CasesModule } from '@woonbrug/cases';
import { DeadlineScan } from './application/deadline-scan';
import { DeadlinesService } from './application/deadlines.service';
import { NotificationsService } from './application/notifications.service';
import { DeadlineScheduler } from './infrastructure/deadline-scheduler';
import { NotificationMailer } from './infrastructure/notification-mailer';

/**
 * Deadlines, in-app notifications and their e-mails. Needs the config, database and identity
 * modules in the app. The controllers in `http/` are exported for the portals to register;
 * {@link NotificationsModule.withScheduledScan} adds the timer that runs the deadline scan, for
 * the one app that should run it (the worker portal).
 */
@Module({
  imports: [CasesModule],
  providers: [DeadlinesService, NotificationsService, NotificationMailer, DeadlineScan],
  exports: [DeadlinesService, NotificationsService, DeadlineScan],
})
export class NotificationsModule {
  /** The module plus the scheduled deadline scan (`DEADLINE_SCAN_INTERVAL_SECONDS`). */
  static withScheduledScan(): DynamicModule {
    return { module: NotificationsModule, providers: [DeadlineScheduler] };
  }
}
