import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CasesService } from '@woonbrug/cases';
import { CurrentUser, IdentityService, type AuthenticatedUser } from '@woonbrug/identity';
import { DomainError } from '@woonbrug/kernel';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { ReferralsService } from '@woonbrug/referrals';
import { fromForm, html, Page, redirect, validateInput, type FieldErrors, type PageContext } from '@woonbrug/web';
import type { FastifyReply } from 'fastify';
import { AcceptReferralDto, AttachReferralDto, DeclineReferralDto } from './triage.dto';
import { IncomingListPage, TriagePage } from './triage.page';

/** The coordinator's pages: incoming referrals and the decision on one. */
@ApiExcludeController()
@Controller('referrals')
export class TriagePagesController {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly cases: CasesService,
    private readonly identity: IdentityService,
  ) {}

  @Get()
  @RequireAbility('triage', 'Case')
  async list(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @Res() reply: FastifyReply) {
    return html(reply, IncomingListPage({ ctx, incoming: await this.referrals.incoming(ability) }));
  }

  @Get(':caseId')
  @RequireAbility('triage', 'Case')
  async show(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('caseId') caseId: string, @Res() reply: FastifyReply) {
    return html(reply, await this.render(ctx, ability, user, caseId, {}));
  }

  @Post(':caseId/accept')
  @RequireAbility('triage', 'Case')
  async accept(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('caseId') caseId: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    const input = validateInput(AcceptReferralDto, fromForm(body));
    return this.decide(ctx, ability, user, caseId, reply, input, (v) => this.cases.accept(ability, user, caseId, v.workerId).then(() => `/cases/${caseId}?accepted=1`));
  }

  @Post(':caseId/decline')
  @RequireAbility('triage', 'Case')
  async decline(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('caseId') caseId: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    const input = validateInput(DeclineReferralDto, fromForm(body));
    return this.decide(ctx, ability, user, caseId, reply, input, (v) => this.cases.decline(ability, user, caseId, v.reason).then(() => '/referrals?declined=1'));
  }

  @Post(':caseId/attach')
  @RequireAbility('triage', 'Case')
  async attach(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('caseId') caseId: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    const input = validateInput(AttachReferralDto, fromForm(body));
    return this.decide(ctx, ability, user, caseId, reply, input, (v) => this.referrals.attach(ability, caseId, v.openCaseId).then(() => `/cases/${v.openCaseId}?attached=1`));
  }

  private async decide<T>(
    ctx: PageContext,
    ability: AppAbility,
    user: AuthenticatedUser,
    caseId: string,
    reply: FastifyReply,
    input: { ok: true; value: T } | { ok: false; problems: Array<{ field: string; code: string }> },
    act: (value: T) => Promise<string>,
  ) {
    if (!input.ok) {
      const errors = Object.fromEntries(input.problems.map((p) => [p.field, ctx.t(`errors.field.${p.code}`)]));
      return html(reply, await this.render(ctx, ability, user, caseId, errors), 400);
    }
    try {
      return redirect(reply, await act(input.value));
    } catch (error) {
      if (error instanceof DomainError && (error.kind === 'invalid' || error.kind === 'conflict')) {
        const errors = error.details.length ? Object.fromEntries(error.details.map((d) => [d.field, ctx.t(`errors.field.${d.code}`)])) : {};
        return html(reply, await this.render(ctx, ability, user, caseId, errors, ctx.t(`errors.${error.code}`)), error.kind === 'conflict' ? 409 : 400);
      }
      throw error;
    }
  }

  private async render(ctx: PageContext, ability: AppAbility, user: AuthenticatedUser, caseId: string, errors: FieldErrors, message?: string) {
    const incoming = await this.referrals.incomingOne(ability, caseId);
    const workers = await this.identity.listColleagues(user.organisationId!, ['worker']);
    return TriagePage({ ctx, incoming, workers, errors, message });
  }
}
