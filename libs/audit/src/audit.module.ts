import { Module } from '@nestjs/common';
import { AuditSearchService } from './application/audit-search';
import { AuditLog } from './infrastructure/audit-log';
import { AuditTrail } from './infrastructure/audit-trail';

/** Provides {@link AuditLog}. Needs the database and the app's Clock (ConfigModule) in the app. */
@Module({
  providers: [AuditLog, AuditTrail, AuditSearchService],
  exports: [AuditLog, AuditTrail, AuditSearchService],
})
export class AuditModule {}
