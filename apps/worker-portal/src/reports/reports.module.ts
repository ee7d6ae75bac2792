import { Module } from '@nestjs/common';
import { ReportingModule } from '@woonbrug/reporting';

/** The coordinator's yearly report, the evaluation and bottlenecks. */
@Module({
  imports: [ReportingModule],
  controllers: [],
})
export class ReportsModule {}
