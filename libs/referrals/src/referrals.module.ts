import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@woonbrug/audit';
import { BudgetModule } from '@woonbrug/budget';
import { CasesModule } from '@woonbrug/cases';
import { ReferralsService } from './application/referrals.service';
import { ReferralEntity } from './infrastructure/referral.entity';

/** Referral intake and the referrer's view of it. Needs the identity module in the app. */
@Module({
  imports: [TypeOrmModule.forFeature([ReferralEntity]), CasesModule, BudgetModule, AuditModule],
  providers: [ReferralsService],
  exports: [ReferralsService],
})
export class ReferralsModule {}
