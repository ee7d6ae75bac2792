import { Module } from '@nestjs/common';
import { BudgetModule } from '@woonbrug/budget';
import { CasesModule } from '@woonbrug/cases';
import { ConfigModule } from '@woonbrug/config';
import { ConsentModule } from '@woonbrug/consent';
import { DatabaseModule } from '@woonbrug/database';
import { IdentityModule, SessionAuthGuard } from '@woonbrug/identity';
import { PoliciesModule } from '@woonbrug/policies';
import { PartnerReferralPagesController, PartnerReferralsApiController, ReferralsModule } from '@woonbrug/referrals';
import { PartnerFiguresApiController, PartnerFiguresPagesController, ReportingModule } from '@woonbrug/reporting';
import { WebModule } from '@woonbrug/web';
import { BudgetPagesController } from './budget/budget-pages.controller';
import { FinancialReferralsApiController } from './budget/financial-referrals-api.controller';

const identity = IdentityModule.forPortal('ocmw');

/** The OCMW: refers tenants and follows their handling; answers financial referrals for budget counselling. */
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
    BudgetModule,
    ReportingModule,
  ],
  controllers: [PartnerReferralsApiController, PartnerReferralPagesController, FinancialReferralsApiController, BudgetPagesController, PartnerFiguresApiController, PartnerFiguresPagesController],
})
export class OcmwPortalModule {}
