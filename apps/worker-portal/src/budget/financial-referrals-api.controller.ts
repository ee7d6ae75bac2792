import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { BudgetService, FinancialReferralListResponse, FinancialReferralResponse } from '@woonbrug/budget';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { Idempotent } from '@woonbrug/web';
import { FinancialReferralDto } from './budget.dto';

/** The worker's financial referrals of a case to the OCMW (JSON API). */
@ApiTags('financial-referrals')
@ApiNotFoundResponse({ description: 'No such case, or not one of the caller’s cases.' })
@Controller('api/cases/:caseId/financial-referrals')
export class FinancialReferralsApiController {
  constructor(private readonly budget: BudgetService) {}

  @Post()
  @Idempotent()
  @RequireAbility('create', 'FinancialReferral')
  @ApiCreatedResponse({ type: FinancialReferralResponse, description: 'The referral, pending, addressed to the OCMW of the tenant’s municipality.' })
  @ApiBadRequestResponse({ description: '`NO_FINANCIAL_CONSENT`: no active consent of the tenant covers `financial` for that OCMW; or invalid fields.' })
  @ApiConflictResponse({ description: '`FINANCIAL_REFERRAL_EXISTS` (one is pending or accepted), `CASE_NOT_OPEN` or `NO_OCMW_FOR_MUNICIPALITY`.' })
  refer(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('caseId') caseId: string, @Body() body: FinancialReferralDto) {
    return this.budget.refer(ability, user, caseId, body);
  }

  @Get()
  @RequireAbility('read', 'FinancialReferral')
  @ApiOkResponse({ type: FinancialReferralListResponse, description: 'The case’s financial referrals, newest first, with the OCMW’s answers, guidance and cost advances.' })
  async list(@UserAbility() ability: AppAbility, @Param('caseId') caseId: string) {
    return { items: await this.budget.listForCase(ability, caseId) };
  }
}
