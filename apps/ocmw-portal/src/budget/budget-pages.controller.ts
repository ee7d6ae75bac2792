import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentAuditActor, type AuditActor } from '@woonbrug/audit';
import { BudgetService } from '@woonbrug/budget';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { Clock, DomainError } from '@woonbrug/kernel';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { fromForm, html, Page, redirect, validateInput, type FieldProblem, type PageContext } from '@woonbrug/web';
import type { ClassConstructor } from 'class-transformer';
import type { FastifyReply } from 'fastify';
import { BudgetDetailPage, type BudgetSection } from './budget-detail.page';
import { AnswerFinancialReferralDto, CostAdvanceDto, DeclineFinancialReferralDto, GuidanceStartedDto } from './budget.dto';
import { BudgetInboxPage } from './budget-inbox.page';
import { costAdvanceInput } from './cost-advance-input';

const SAVED = new Set(['accepted', 'declined', 'guidance', 'advance']);

/** A form sends the version as text; the DTO, like the API, wants a number. */
function withVersion(values: Record<string, unknown>): Record<string, unknown> {
  return typeof values.version === 'string' && /^\d{1,9}$/.test(values.version) ? { ...values, version: Number(values.version) } : values;
}

/** The OCMW's budget-counselling pages: inbox, one referral and its forms (post/redirect/get). */
@ApiExcludeController()
@Controller('budget')
export class BudgetPagesController {
  constructor(
    private readonly budget: BudgetService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @RequireAbility('read', 'FinancialReferral')
  async inbox(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @Res() reply: FastifyReply) {
    return html(reply, BudgetInboxPage({ ctx, referrals: await this.budget.inbox(ability) }));
  }

  @Get(':id')
  @RequireAbility('read', 'FinancialReferral')
  async detail(
    @Page() ctx: PageContext,
    @UserAbility() ability: AppAbility,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Query('saved') saved: string | undefined,
    @CurrentAuditActor() who: AuditActor,
    @Res() reply: FastifyReply,
  ) {
    const referral = await this.budget.get(ability, id, who);
    const sharedFacts = await this.budget.sharedFacts(ability, user, id, who);
    return html(reply, BudgetDetailPage({ ctx, referral, sharedFacts, today: this.clock.today(), saved: saved && SAVED.has(saved) ? saved : undefined }));
  }

  @Post(':id/accept')
  @RequireAbility('update', 'FinancialReferral')
  accept(@Page() ctx: PageContext, @UserAbility() a: AppAbility, @CurrentUser() u: AuthenticatedUser, @Param('id') id: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    return this.handle(ctx, a, id, reply, 'answer', 'accepted', AnswerFinancialReferralDto, withVersion(fromForm(body)), (v) => this.budget.accept(a, u, id, v.version));
  }

  @Post(':id/decline')
  @RequireAbility('update', 'FinancialReferral')
  decline(@Page() ctx: PageContext, @UserAbility() a: AppAbility, @CurrentUser() u: AuthenticatedUser, @Param('id') id: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    return this.handle(ctx, a, id, reply, 'answer', 'declined', DeclineFinancialReferralDto, withVersion(fromForm(body)), (v) => this.budget.decline(a, u, id, v.version, v.reason));
  }

  @Post(':id/guidance-started')
  @RequireAbility('update', 'FinancialReferral')
  guidanceStarted(@Page() ctx: PageContext, @UserAbility() a: AppAbility, @Param('id') id: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    return this.handle(ctx, a, id, reply, 'guidance', 'guidance', GuidanceStartedDto, withVersion(fromForm(body)), (v) =>
      this.budget.recordGuidanceStarted(a, id, v.version, v.startedOn, v.kind),
    );
  }

  @Post(':id/cost-advances')
  @RequireAbility('update', 'FinancialReferral')
  costAdvance(@Page() ctx: PageContext, @UserAbility() a: AppAbility, @CurrentUser() u: AuthenticatedUser, @Param('id') id: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    return this.handle(ctx, a, id, reply, 'advances', 'advance', CostAdvanceDto, fromForm(body), (v) => this.budget.recordCostAdvance(a, u, id, costAdvanceInput(v)));
  }

  private async handle<T extends object>(
    ctx: PageContext,
    ability: AppAbility,
    id: string,
    reply: FastifyReply,
    section: BudgetSection,
    saved: string,
    dto: ClassConstructor<T>,
    values: Record<string, unknown>,
    act: (value: T) => Promise<unknown>,
  ) {
    const input = validateInput(dto, values);
    let problems: readonly FieldProblem[] = input.ok ? [] : input.problems;
    let message: string | undefined;
    let status = 400;
    if (input.ok) {
      try {
        await act(input.value);
        return redirect(reply, `/budget/${id}?saved=${saved}#${section}`);
      } catch (error) {
        if (!(error instanceof DomainError) || (error.kind !== 'invalid' && error.kind !== 'conflict')) throw error;
        problems = error.details;
        message = ctx.t(error.code === 'STALE_VERSION' ? 'budget.staleVersion' : `errors.${error.code}`);
        if (error.kind === 'conflict') status = 409;
      }
    }
    // The hidden version is not the person's to fix: a wrong one reads as "reload and retry".
    const fields: Record<string, string> = {};
    for (const p of problems) if (p.field !== 'version') fields[p.field] ??= ctx.t(`errors.field.${p.code}`);
    if (problems.some((p) => p.field === 'version')) message = ctx.t('budget.staleVersion');
    const referral = await this.budget.get(ability, id);
    return html(reply, BudgetDetailPage({ ctx, referral, today: this.clock.today(), errors: { section, fields, message, values } }), status);
  }
}
