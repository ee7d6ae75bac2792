import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentAuditActor, type AuditActor } from '@woonbrug/audit';
import { CurrentUser, IdentityService, type AuthenticatedUser } from '@woonbrug/identity';
import { DomainError } from '@woonbrug/kernel';
import { RequireAbility, SignedIn, UserAbility, type AppAbility } from '@woonbrug/policies';
import { fromForm, html, Page, redirect, validateInput, type FieldErrors, type FieldProblem, type PageContext } from '@woonbrug/web';
import type { FastifyReply } from 'fastify';
import { ReferralsService } from '../application/referrals.service';
import { ProcedureEventDto, ReferralListQueryDto, SubmitReferralDto } from './referral.dto';
import { ReferralDetailPage } from './views/referral-detail.page';
import { ReferralFormPage } from './views/referral-form.page';
import { ReferralListPage } from './views/referral-list.page';

function fieldErrors(ctx: PageContext, problems: readonly FieldProblem[]): FieldErrors {
  const out: Record<string, string> = {};
  for (const p of problems) out[p.field] ??= ctx.t(`errors.field.${p.code}`);
  return out;
}

/** The referrer's pages (landlord and OCMW portals): list, form, detail. */
@ApiExcludeController()
@Controller()
export class PartnerReferralPagesController {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly identity: IdentityService,
  ) {}

  @Get()
  @SignedIn()
  start(@Res() reply: FastifyReply) {
    return redirect(reply, '/referrals');
  }

  @Get('referrals')
  @RequireAbility('read', 'Referral')
  async list(
    @Page() ctx: PageContext,
    @UserAbility() ability: AppAbility,
    @Query('before') before: unknown,
    @CurrentAuditActor() who: AuditActor,
    @Res() reply: FastifyReply,
  ) {
    // A page link that does not parse shows the newest page rather than an error.
    const input = validateInput(ReferralListQueryDto, fromForm({ before }));
    const page = await this.referrals.listOwn(ability, input.ok ? { before: input.value.before } : {}, who);
    return html(reply, ReferralListPage({ ctx, page, paged: input.ok && input.value.before !== undefined }));
  }

  @Get('referrals/new')
  @RequireAbility('create', 'Referral')
  async form(@Page() ctx: PageContext, @CurrentUser() user: AuthenticatedUser, @Res() reply: FastifyReply) {
    return html(reply, await this.renderForm(ctx, user, {}, {}));
  }

  @Post('referrals')
  @RequireAbility('create', 'Referral')
  async submit(@Page() ctx: PageContext, @CurrentUser() user: AuthenticatedUser, @Body() body: unknown, @Res() reply: FastifyReply) {
    const values = fromForm(body, ['tenantInformed']);
    const input = validateInput(SubmitReferralDto, values);
    if (!input.ok) return html(reply, this.renderForm(ctx, user, values, fieldErrors(ctx, input.problems)), 400);
    try {
      const referral = await this.referrals.submit(user, input.value);
      return redirect(reply, `/referrals/${referral.id}?created=1`);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'invalid') {
        return html(reply, this.renderForm(ctx, user, values, fieldErrors(ctx, error.details)), 400);
      }
      throw error;
    }
  }

  @Get('referrals/:id')
  @RequireAbility('read', 'Referral')
  async detail(
    @Page() ctx: PageContext,
    @UserAbility() ability: AppAbility,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Query('created') created: string | undefined,
    @CurrentAuditActor() who: AuditActor,
    @Res() reply: FastifyReply,
  ) {
    const referral = await this.referrals.getOwn(ability, user, id, who);
    return html(reply, ReferralDetailPage({ ctx, referral, created: created === '1', canRecordProcedure: referral.mayRecordProcedure === true }));
  }

  @Post('referrals/:id/procedure-events')
  @RequireAbility('create', 'ProcedureEvent')
  async recordProcedure(
    @Page() ctx: PageContext,
    @UserAbility() ability: AppAbility,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentAuditActor() who: AuditActor,
    @Res() reply: FastifyReply,
  ) {
    const values = fromForm(body);
    const input = validateInput(ProcedureEventDto, values);
    let problems: readonly FieldProblem[] = input.ok ? [] : input.problems;
    let message: string | undefined;
    if (input.ok) {
      try {
        await this.referrals.recordProcedureEvent(ability, user, id, input.value);
        return redirect(reply, `/referrals/${id}#procedure`);
      } catch (error) {
        if (!(error instanceof DomainError) || error.kind !== 'invalid') throw error;
        problems = error.details;
        message = ctx.t(`errors.${error.code}`);
      }
    }
    const referral = await this.referrals.getOwn(ability, user, id, who);
    return html(
      reply,
      ReferralDetailPage({ ctx, referral, created: false, canRecordProcedure: true, procedureForm: { errors: fieldErrors(ctx, problems), values, message } }),
      400,
    );
  }

  private async renderForm(ctx: PageContext, user: AuthenticatedUser, values: Record<string, unknown>, errors: FieldErrors) {
    const municipalities = await this.referrals.municipalities();
    const landlords = user.organisationKind === 'landlord' ? undefined : await this.identity.listOrganisations('landlord');
    return ReferralFormPage({ ctx, values, errors, municipalities, landlords });
  }
}
