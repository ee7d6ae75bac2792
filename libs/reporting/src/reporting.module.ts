import { Module } from '@nestjs/common';
import { AuditModule } from '@woonbrug/audit';
import { BottlenecksService } from './application/bottlenecks.service';
import { ReportingService } from './application/reporting.service';
import { YearlyReports } from './infrastructure/yearly-reports';

/**
 * Figures: the yearly report (DESIGN.md §5), partners' figures with small cells suppressed,
 * bottlenecks and the evaluation. Needs the database, the config module (Clock) and the identity
 * module in the app. Exports the audit module too, so that the app can log report exports.
 */
@Module({
  imports: [AuditModule],
  providers: [ReportingService, BottlenecksService, YearlyReports],
  exports: [ReportingService, BottlenecksService, AuditModule],
})
export class ReportingModule {}
