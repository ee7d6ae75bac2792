import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentAuditActor, type AuditActor } from '@woonbrug/audit';
import { BudgetService, FinancialReferralListResponse, FinancialReferralResponse } from '@woonbrug/budget';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { Idempotent } from '@woonbrug/web';
import { AnswerFinancialReferralDto, CostAdvanceDto, DeclineFinancialReferralDto, GuidanceStartedDto } from './budget.dto';
import { costAdvanceInput } from './cost-advance-input';

/** The OCMW's budget-counselling inbox and answers (JSON API). */
@ApiTags('financial-referrals')
@ApiNotFoundResponse({ description: 'No such referral, or one addressed to another OCMW, or of a closed case.' })
@Controller('api/financial-referrals')
export class FinancialReferralsApiController {
  constructor(private readonly budget: BudgetService) {}

  @Get()
  @RequireAbility('read', 'FinancialReferral')
  @ApiOkResponse({ type: FinancialReferralListResponse, description: 'Referrals addressed to the caller’s OCMW: waiting for an answer first, then answered.' })
  async inbox(@UserAbility() ability: AppAbility) {
    return { items: await this.budget.inbox(ability) };
  }

  @Get(':id')
  @RequireAbility('read', 'FinancialReferral')
  @ApiOkResponse({ type: FinancialReferralResponse, description: 'The referral: tenant, address, motivation, the worker’s contact, answers and cost advances.' })
  get(@UserAbility() ability: AppAbility, @Param('id') id: string, @CurrentAuditActor() who: AuditActor) {
    return this.budget.get(ability, id, who);
  }

  @Post(':id/accept')
  @Idempotent()
  @HttpCode(200)
  @RequireAbility('update', 'FinancialReferral')
  @ApiOkResponse({ type: FinancialReferralResponse, description: 'The referral, accepted, with its new version.' })
  @ApiConflictResponse({ description: '`STALE_VERSION` (changed since read; nothing written) or `FINANCIAL_REFERRAL_NOT_PENDING`.' })
  accept(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: AnswerFinancialReferralDto) {
    return this.budget.accept(ability, user, id, body.version);
  }

  @Post(':id/decline')
  @Idempotent()
  @HttpCode(200)
  @RequireAbility('update', 'FinancialReferral')
  @ApiOkResponse({ type: FinancialReferralResponse, description: 'The referral, declined with the reason the worker will see.' })
  @ApiConflictResponse({ description: '`STALE_VERSION` or `FINANCIAL_REFERRAL_NOT_PENDING`.' })
  decline(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: DeclineFinancialReferralDto) {
    return this.budget.decline(ability, user, id, body.version, body.reason);
  }

  @Post(':id/guidance-started')
  @Idempotent()
  @HttpCode(200)
  @RequireAbility('update', 'FinancialReferral')
  @ApiOkResponse({ type: FinancialReferralResponse, description: 'The referral with the start of guidance recorded.' })
  @ApiBadRequestResponse({ description: '`DATE_IN_FUTURE` or `BEFORE_REFERRAL` on startedOn.' })
  @ApiConflictResponse({ description: '`STALE_VERSION` or `FINANCIAL_REFERRAL_NOT_ACCEPTED`.' })
  guidanceStarted(@UserAbility() ability: AppAbility, @Param('id') id: string, @Body() body: GuidanceStartedDto) {
    return this.budget.recordGuidanceStarted(ability, id, body.version, body.startedOn, body.kind);
  }

  @Post(':id/cost-advances')
  @Idempotent()
  @RequireAbility('update', 'FinancialReferral')
  @ApiCreatedResponse({ type: FinancialReferralResponse, description: 'The referral with its cost advances (`amountCents` and `amountFormatted`) and its new version.' })
  @ApiBadRequestResponse({ description: 'Problem details per field: an amount of 0 or less, above 1000000.00, or not a decimal euro string.' })
  @ApiConflictResponse({ description: '`FINANCIAL_REFERRAL_NOT_ACCEPTED`.' })
  costAdvance(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: CostAdvanceDto) {
    return this.budget.recordCostAdvance(ability, user, id, costAdvanceInput(body));
  }
}
