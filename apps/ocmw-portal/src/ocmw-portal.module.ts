import { Module } from '@nestjs/common';
import { CasesModule } from '@woonbrug/cases';
import { ConfigModule } from '@woonbrug/config';
import { ConsentModule } from '@woonbrug/consent';
import { DatabaseModule } from '@woonbrug/database';
import { IdentityModule, SessionAuthGuard } from '@woonbrug/identity';
import { PoliciesModule } from '@woonbrug/policies';
import { PartnerReferralPagesController, PartnerReferralsApiController, ReferralsModule } from '@woonbrug/referrals';
import { WebModule } from '@woonbrug/web';

const identity = IdentityModule.forPortal('ocmw');

/** The OCMW: refers tenants and follows their handling. */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    WebModule.forPortal(),
    identity,
    PoliciesModule.withAuthentication(SessionAuthGuard, identity),
    CasesModule,
    ReferralsModule,
    ConsentModule,
  ],
  controllers: [PartnerReferralsApiController, PartnerReferralPagesController],
})
export class OcmwPortalModule {}
