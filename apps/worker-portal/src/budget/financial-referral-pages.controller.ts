import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { BudgetService } from '@woonbrug/budget';
import { CasesService } from '@woonbrug/cases';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { DomainError } from '@woonbrug/kernel';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { fromForm, html, Page, redirect, validateInput, type FieldProblem, type PageContext } from '@woonbrug/web';
import type { FastifyReply } from 'fastify';
import { FinancialReferralDto } from './budget.dto';
import { CaseBudgetPage, type CaseBudgetProps } from './case-budget.page';

/** The worker's budget-counselling page of a case and its referral form (post/redirect/get). */
@ApiExcludeController()
@Controller('cases/:caseId/budget')
export class FinancialReferralPagesController {
  constructor(
    private readonly cases: CasesService,
    private readonly budget: BudgetService,
  ) {}

  @Get()
  @RequireAbility('read', 'FinancialReferral')
  async show(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @Param('caseId') caseId: string, @Query('saved') saved: string | undefined, @Res() reply: FastifyReply) {
    return html(reply, this.render(ctx, ability, caseId, { saved: saved === '1' }));
  }

  @Post()
  @RequireAbility('create', 'FinancialReferral')
  async refer(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('caseId') caseId: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    const values = fromForm(body);
    const input = validateInput(FinancialReferralDto, values);
    let problems: readonly FieldProblem[] = input.ok ? [] : input.problems;
    let message: string | undefined;
    let status = 400;
    if (input.ok) {
      try {
        await this.budget.refer(ability, user, caseId, input.value);
        return redirect(reply, `/cases/${caseId}/budget?saved=1#referrals`);
      } catch (error) {
        if (!(error instanceof DomainError) || (error.kind !== 'invalid' && error.kind !== 'conflict')) throw error;
        problems = error.details;
        message = ctx.t(`errors.${error.code}`);
        if (error.kind === 'conflict') status = 409;
      }
    }
    const fields: Record<string, string> = {};
    for (const p of problems) fields[p.field] ??= ctx.t(`errors.field.${p.code}`);
    return html(reply, this.render(ctx, ability, caseId, { errors: { fields, message, values } }), status);
  }

  private async render(ctx: PageContext, ability: AppAbility, caseId: string, extra: Pick<CaseBudgetProps, 'saved' | 'errors'>): Promise<string> {
    const found = await this.cases.get(ability, caseId);
    const [options, referrals] = await Promise.all([this.budget.referralOptions(ability, caseId), this.budget.listForCase(ability, caseId)]);
    return CaseBudgetPage({ ctx, found, options, referrals, ...extra });
  }
}
