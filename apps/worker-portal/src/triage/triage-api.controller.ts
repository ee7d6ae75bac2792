import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CasesService } from '@woonbrug/cases';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { ReferralsService } from '@woonbrug/referrals';
import { CaseSummaryResponse, IncomingReferralListResponse } from '../caseload/case.dto';
import { AcceptReferralDto, AttachReferralDto, DeclineReferralDto } from './triage.dto';

/** The coordinator's triage of incoming referrals. */
@ApiTags('triage')
@Controller('api')
export class TriageApiController {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly cases: CasesService,
  ) {}

  @Get('incoming-referrals')
  @RequireAbility('triage', 'Case')
  @ApiOkResponse({ type: IncomingReferralListResponse, description: 'Referred cases waiting for a decision, oldest first, with open cases of the same household.' })
  async incoming(@UserAbility() ability: AppAbility) {
    return { items: await this.referrals.incoming(ability) };
  }

  @Post('cases/:id/accept')
  @HttpCode(200)
  @RequireAbility('triage', 'Case')
  @ApiOkResponse({ type: CaseSummaryResponse, description: 'The case, now active with its worker.' })
  @ApiNotFoundResponse({ description: 'No such case for this coordinator.' })
  @ApiConflictResponse({ description: 'The referral was already accepted, declined or attached.' })
  accept(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: AcceptReferralDto) {
    return this.cases.accept(ability, user, id, body.workerId);
  }

  @Post('cases/:id/decline')
  @HttpCode(200)
  @RequireAbility('triage', 'Case')
  @ApiOkResponse({ type: CaseSummaryResponse, description: 'The case, now declined.' })
  @ApiNotFoundResponse({ description: 'No such case for this coordinator.' })
  @ApiConflictResponse({ description: 'The referral was already accepted, declined or attached.' })
  decline(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: DeclineReferralDto) {
    return this.cases.decline(ability, user, id, body.reason.trim());
  }

  @Post('cases/:id/attach')
  @HttpCode(204)
  @RequireAbility('triage', 'Case')
  @ApiNoContentResponse({ description: 'The referral now belongs to the open case; the referred case is gone.' })
  @ApiNotFoundResponse({ description: 'No such referred or open case for this coordinator.' })
  @ApiConflictResponse({ description: 'The referral was already decided, or the open case is not open.' })
  attach(@UserAbility() ability: AppAbility, @Param('id') id: string, @Body() body: AttachReferralDto) {
    return this.referrals.attach(ability, id, body.openCaseId);
  }
}
