import { Global, Module } from '@nestjs/common';
import { AuditModule } from '@woonbrug/audit';
import { CasesModule } from '@woonbrug/cases';
import { ConsentService } from './application/consent.service';
import { DisclosureService } from './application/disclosure.service';
import { PartnerGrants } from './application/partner-grants';

/**
 * Consent and disclosure. Global because every portal's use cases on one case ask it for the
 * partner's current grants there (PartnerGrants.abilityFor).
 */
@Global()
@Module({
  imports: [CasesModule, AuditModule],
  providers: [ConsentService, DisclosureService, PartnerGrants],
  exports: [ConsentService, DisclosureService, PartnerGrants],
})
export class ConsentModule {}
