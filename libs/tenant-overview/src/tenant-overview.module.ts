import { Module } from '@nestjs/common';
import { AuditModule } from '@woonbrug/audit';
import { BudgetModule } from '@woonbrug/budget';
import { CasesModule } from '@woonbrug/cases';
import { ReferralsModule } from '@woonbrug/referrals';
import { TenantOverviewService } from './application/tenant-overview.service';

/**
 * The tenant's overview (GDPR art. 15): what is stored, consents, disclosures and partner reads, as
 * HTML for print and PDF. Needs the identity, consent (global) and config modules in the app, like
 * the other case libs. Deliberately without the notes lib: private notes are never part of it.
 */
@Module({
  imports: [CasesModule, ReferralsModule, BudgetModule, AuditModule],
  providers: [TenantOverviewService],
  exports: [TenantOverviewService],
})
export class TenantOverviewModule {}
