import { Global, Module } from '@nestjs/common';
import { AuditModule } from '@woonbrug/audit';
import { CasesModule } from '@woonbrug/cases';
import { PARTNER_CONTEXT_SOURCE } from '@woonbrug/policies';
import { ConsentService } from './application/consent.service';
import { DisclosureService } from './application/disclosure.service';
import { PartnerGrants } from './application/partner-grants';

/**
 * Consent and disclosure. Global because the policies guard of every portal asks it for a
 * partner's current grants (through the PARTNER_CONTEXT_SOURCE token).
 */
@Global()
@Module({
  imports: [CasesModule, AuditModule],
  providers: [ConsentService, DisclosureService, PartnerGrants, { provide: PARTNER_CONTEXT_SOURCE, useExisting: PartnerGrants }],
  exports: [ConsentService, DisclosureService, PARTNER_CONTEXT_SOURCE],
})
export class ConsentModule {}
