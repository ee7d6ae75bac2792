import { Module } from '@nestjs/common';
import { CasesModule } from '@woonbrug/cases';
import { ConfigModule } from '@woonbrug/config';
import { ConsentModule } from '@woonbrug/consent';
import { DatabaseModule } from '@woonbrug/database';
import { IdentityModule, SessionAuthGuard } from '@woonbrug/identity';
import { PoliciesModule } from '@woonbrug/policies';
import { PartnerReferralPagesController, PartnerReferralsApiController, ReferralsModule } from '@woonbrug/referrals';
import { PartnerFiguresApiController, PartnerFiguresPagesController, ReportingModule } from '@woonbrug/reporting';
import { WebModule } from '@woonbrug/web';

const identity = IdentityModule.forPortal('landlord');

/** The social landlord: refers tenants and follows whether the eviction threat is handled. */
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
    ReportingModule,
  ],
  controllers: [PartnerReferralsApiController, PartnerReferralPagesController, PartnerFiguresApiController, PartnerFiguresPagesController],
})
export class LandlordPortalModule {}
