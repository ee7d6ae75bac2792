import { Module } from '@nestjs/common';

/** Retention: closed cases older than the configured period are anonymised; the figures and the audit chain stay. */
@Module({
  providers: [],
  exports: [],
})
export class RetentionModule {}
