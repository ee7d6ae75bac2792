import { Module } from '@nestjs/common';
import { AuditLog } from './infrastructure/audit-log';
import { AuditTrail } from './infrastructure/audit-trail';

/** Provides {@link AuditLog}. Needs the database and the app's Clock (ConfigModule) in the app. */
@Module({
  providers: [AuditLog, AuditTrail],
  exports: [AuditLog, AuditTrail],
})
export class AuditModule {}
