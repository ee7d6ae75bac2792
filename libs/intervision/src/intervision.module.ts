import { Module } from '@nestjs/common';
import { CasesModule } from '@woonbrug/cases';
import { ReferralsModule } from '@woonbrug/referrals';
import { IntervisionService } from './application/intervision.service';

/**
 * Peer consultation (intervisie): pseudonymised case summaries shared among outreach workers, with
 * a thread of answers. Needs the identity module and the config module (for the Clock) in the app,
 * like the other case libs. It does not import the private notes: they never reach a summary.
 */
@Module({
  imports: [CasesModule, ReferralsModule],
  providers: [IntervisionService],
  exports: [IntervisionService],
})
export class IntervisionModule {}
