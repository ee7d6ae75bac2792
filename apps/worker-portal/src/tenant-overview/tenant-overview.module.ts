import { Module } from '@nestjs/common';
import { TenantOverviewModule } from '@woonbrug/tenant-overview';

/** The tenant's overview (GDPR art. 15) as HTML for print and PDF. */
@Module({
  imports: [TenantOverviewModule],
  controllers: [],
})
export class TenantOverviewPagesModule {}
