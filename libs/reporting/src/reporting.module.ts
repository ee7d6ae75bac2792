import { Module } from '@nestjs/common';

/** Figures: the yearly report (DESIGN.md §5), partners' figures with small cells suppressed, bottlenecks and the evaluation. */
@Module({
  providers: [],
  exports: [],
})
export class ReportingModule {}
