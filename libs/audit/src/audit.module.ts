import { Module } from '@nestjs/common';
import { AuditLog } from './infrastructure/audit-log';

/** Provides {@link AuditLog}. Needs the database and the app's Clock (ConfigModule) in the app. */
@Module({
  providers: [AuditLog],
  exports: [AuditLog],
})
export class AuditModule {}
