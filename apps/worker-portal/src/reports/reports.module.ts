import { Module } from '@nestjs/common';
import { ReportingModule } from '@woonbrug/reporting';
import { BottlenecksApiController } from './bottlenecks-api.controller';
import { BottlenecksPagesController } from './bottlenecks-pages.controller';
import { ReportsApiController } from './reports-api.controller';
import { ReportsPagesController } from './reports-pages.controller';

/** The coordinator's yearly report, the evaluation and bottlenecks. */
@Module({
  imports: [ReportingModule],
  controllers: [ReportsApiController, ReportsPagesController, BottlenecksApiController, BottlenecksPagesController],
})
export class ReportsModule {}
