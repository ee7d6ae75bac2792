import { Module } from '@nestjs/common';

/** The tenant's overview (GDPR art. 15): what is stored, consents, disclosures and partner reads, as HTML for print and PDF. */
@Module({
  providers: [],
  exports: [],
})
export class TenantOverviewModule {}
