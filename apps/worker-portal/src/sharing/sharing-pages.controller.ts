import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CasesService, FactsService } from '@woonbrug/cases';
import { ConsentService, DisclosureService } from '@woonbrug/consent';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { fromForm, Page, type PageContext } from '@woonbrug/web';
import type { FastifyReply } from 'fastify';
import { CasePageForms } from '../caseload/case-page-forms';
import { DiscloseDto, FactDto, LegalBasisDto, NextReviewDto, RecordConsentDto, WithdrawConsentDto } from './sharing.dto';

/** Form posts of the case page: facts, consent, disclosure, legal basis (post/redirect/get). */
@ApiExcludeController()
@Controller()
export class SharingPagesController {
  constructor(
    private readonly forms: CasePageForms,
    private readonly cases: CasesService,
    private readonly facts: FactsService,
    private readonly consents: ConsentService,
    private readonly disclosures: DisclosureService,
  ) {}

  @Post('cases/:caseId/facts')
  @RequireAbility('create', 'Fact')
  addFact(@Page() ctx: PageContext, @UserAbility() a: AppAbility, @CurrentUser() u: AuthenticatedUser, @Param('caseId') caseId: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    return this.forms.submit(ctx, a, caseId, reply, 'facts', FactDto, fromForm(body), (v) => this.facts.create(a, u, caseId, v));
  }

  @Post('cases/:caseId/consents')
  @RequireAbility('create', 'Consent')
  recordConsent(@Page() ctx: PageContext, @UserAbility() a: AppAbility, @CurrentUser() u: AuthenticatedUser, @Param('caseId') caseId: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    const values = fromForm(body);
    // A single checked box arrives as a string; the API takes an array.
    if (typeof values.categories === 'string') values.categories = [values.categories];
    const raw = body as Record<string, unknown> | undefined;
    if (Array.isArray(raw?.categories)) values.categories = raw.categories;
    return this.forms.submit(ctx, a, caseId, reply, 'consents', RecordConsentDto, values, (v) => this.consents.record(a, u, caseId, v));
  }

  @Post('cases/:caseId/consents/:consentId/withdraw')
  @RequireAbility('update', 'Consent')
  withdraw(@Page() ctx: PageContext, @UserAbility() a: AppAbility, @CurrentUser() u: AuthenticatedUser, @Param('caseId') caseId: string, @Param('consentId') consentId: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    return this.forms.submit(ctx, a, caseId, reply, 'consents', WithdrawConsentDto, fromForm(body), (v) => this.consents.withdraw(a, u, consentId, v.note));
  }

  @Post('cases/:caseId/legal-basis')
  @RequireAbility('update', 'Consent')
  legalBasis(@Page() ctx: PageContext, @UserAbility() a: AppAbility, @Param('caseId') caseId: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    return this.forms.submit(ctx, a, caseId, reply, 'basis', LegalBasisDto, fromForm(body), (v) => this.consents.setLegalBasis(a, caseId, v.legalBasis));
  }

  @Post('cases/:caseId/next-review')
  @RequireAbility('update', 'Case')
  nextReview(@Page() ctx: PageContext, @UserAbility() a: AppAbility, @Param('caseId') caseId: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    return this.forms.submit(ctx, a, caseId, reply, 'basis', NextReviewDto, fromForm(body), (v) => this.cases.setNextReview(a, caseId, v.nextReviewOn));
  }

  @Post('cases/:caseId/disclosures')
  @RequireAbility('create', 'Disclosure')
  disclose(@Page() ctx: PageContext, @UserAbility() a: AppAbility, @CurrentUser() u: AuthenticatedUser, @Param('caseId') caseId: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    return this.forms.submit(ctx, a, caseId, reply, 'sharing', DiscloseDto, fromForm(body, ['confirmWarning', 'confirmSharedSecrecy']), (v) => this.disclosures.disclose(a, u, caseId, v));
  }

  @Post('cases/:caseId/disclosures/:disclosureId/revoke')
  @RequireAbility('update', 'Disclosure')
  revoke(@Page() ctx: PageContext, @UserAbility() a: AppAbility, @CurrentUser() u: AuthenticatedUser, @Param('caseId') caseId: string, @Param('disclosureId') disclosureId: string, @Res() reply: FastifyReply) {
    return this.forms.submit(ctx, a, caseId, reply, 'sharing', WithdrawConsentDto, {}, () => this.disclosures.revoke(a, u, disclosureId));
  }
}
