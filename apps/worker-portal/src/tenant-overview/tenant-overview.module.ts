import { Module } from '@nestjs/common';
import { TenantOverviewModule } from '@woonbrug/tenant-overview';
import { TenantOverviewApiController } from './tenant-overview-api.controller';
import { TenantOverviewPagesController } from './tenant-overview-pages.controller';

/** The tenant's overview (GDPR art. 15) as HTML for print, PDF and JSON. */
@Module({
  imports: [TenantOverviewModule],
  controllers: [TenantOverviewPagesController, TenantOverviewApiController],
})
export class TenantOverviewPagesModule {}
