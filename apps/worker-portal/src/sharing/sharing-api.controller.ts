import { Body, Controller, Delete, FileTypeValidator, Get, HttpCode, MaxFileSizeValidator, Param, ParseFilePipe, Patch, Post, Put, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiPayloadTooLargeResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CasesService, FactsService } from '@woonbrug/cases';
import { ConsentService, DisclosureService } from '@woonbrug/consent';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { Idempotent } from '@woonbrug/web';
import type { FastifyReply } from 'fastify';
import { CaseSummaryResponse } from '../caseload/case.dto';
import {
  ConsentListResponse,
  ConsentResponse,
  DiscloseDto,
  DisclosureListResponse,
  DisclosureResponse,
  FactDto,
  FactHistoryResponse,
  FactListResponse,
  FactResponse,
  LegalBasisDto,
  PartnerViewResponse, NextReviewDto, RecordConsentDto, WithdrawConsentDto } from './sharing.dto';

/** Largest signed consent form accepted. */
const CONSENT_DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

/** The worker's facts, consents and disclosures of a case (JSON API). */
@ApiTags('sharing')
@ApiNotFoundResponse({ description: 'No such case or record, or not one of the caller’s cases.' })
@Controller('api')
export class SharingApiController {
  constructor(
    private readonly cases: CasesService,
    private readonly facts: FactsService,
    private readonly consents: ConsentService,
    private readonly disclosures: DisclosureService,
  ) {}

  @Get('cases/:caseId/facts')
  @RequireAbility('read', 'Fact')
  @ApiOkResponse({ type: FactListResponse, description: 'The facts of the case, oldest first.' })
  async listFacts(@UserAbility() ability: AppAbility, @Param('caseId') caseId: string) {
    return { items: await this.facts.listOfCase(ability, caseId) };
  }

  @Post('cases/:caseId/facts')
  @Idempotent()
  @RequireAbility('create', 'Fact')
  @ApiCreatedResponse({ type: FactResponse, description: 'The new fact.' })
  @ApiBadRequestResponse({ description: 'Problem details per invalid field.' })
  createFact(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('caseId') caseId: string, @Body() body: FactDto) {
    return this.facts.create(ability, user, caseId, body);
  }

  @Patch('facts/:id')
  @RequireAbility('update', 'Fact')
  @ApiOkResponse({ type: FactResponse, description: 'The fact after the change; the previous version is kept.' })
  updateFact(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: FactDto) {
    return this.facts.update(ability, user, id, body);
  }

  @Get('facts/:id/history')
  @RequireAbility('update', 'Fact')
  @ApiOkResponse({ type: FactHistoryResponse, description: 'Earlier versions, newest first.' })
  async factHistory(@UserAbility() ability: AppAbility, @Param('id') id: string) {
    return { items: await this.facts.history(ability, id) };
  }

  @Get('cases/:caseId/consents')
  @RequireAbility('read', 'Consent')
  @ApiOkResponse({ type: ConsentListResponse, description: 'Consents of the case, newest first, with their state.' })
  async listConsents(@UserAbility() ability: AppAbility, @Param('caseId') caseId: string) {
    return { items: await this.consents.list(ability, caseId) };
  }

  @Post('cases/:caseId/consents')
  @Idempotent()
  @RequireAbility('create', 'Consent')
  @ApiCreatedResponse({ type: ConsentResponse, description: 'The recorded consent.' })
  recordConsent(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('caseId') caseId: string, @Body() body: RecordConsentDto) {
    return this.consents.record(ability, user, caseId, body);
  }

  @Post('consents/:id/withdraw')
  @HttpCode(200)
  @RequireAbility('update', 'Consent')
  @ApiOkResponse({ type: ConsentResponse, description: 'The consent, now withdrawn; partners lose access on their next request.' })
  withdraw(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: WithdrawConsentDto) {
    return this.consents.withdraw(ability, user, id, body.note);
  }

  @Post('consents/:id/document')
  @HttpCode(200)
  @RequireAbility('update', 'Consent')
  @UseInterceptors(FileInterceptor('document', { limits: { fileSize: CONSENT_DOCUMENT_MAX_BYTES, files: 1, fields: 0 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { document: { type: 'string', format: 'binary' } }, required: ['document'] } })
  @ApiOkResponse({ type: ConsentResponse, description: 'The consent, with its signed form attached.' })
  @ApiBadRequestResponse({ description: 'Not a PDF, PNG or JPEG (checked on the content, not the name).' })
  @ApiPayloadTooLargeResponse({ description: 'Larger than 5 MB.' })
  attachDocument(
    @UserAbility() ability: AppAbility,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @UploadedFile(
      new ParseFilePipe({
        validators: [new MaxFileSizeValidator({ maxSize: CONSENT_DOCUMENT_MAX_BYTES }), new FileTypeValidator({ fileType: /^(application\/pdf|image\/png|image\/jpeg)$/ })],
      }),
    )
    file: UploadedMultipartFile,
  ) {
    return this.consents.attachDocument(ability, user, id, { mediaType: file.mimetype, content: file.buffer! });
  }

  @Get('consents/:id/document')
  @RequireAbility('read', 'Consent')
  @ApiOkResponse({ content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } }, 'image/png': { schema: { type: 'string', format: 'binary' } }, 'image/jpeg': { schema: { type: 'string', format: 'binary' } } }, description: 'The signed consent form.' })
  async document(@UserAbility() ability: AppAbility, @Param('id') id: string, @Res() reply: FastifyReply) {
    const doc = await this.consents.document(ability, id);
    return reply.header('Content-Type', doc.mediaType).header('Content-Disposition', 'attachment; filename="toestemming"').header('Cache-Control', 'no-store').send(doc.content);
  }

  @Put('cases/:caseId/legal-basis')
  @HttpCode(204)
  @RequireAbility('update', 'Consent')
  @ApiNoContentResponse({ description: 'Recorded.' })
  legalBasis(@UserAbility() ability: AppAbility, @Param('caseId') caseId: string, @Body() body: LegalBasisDto) {
    return this.consents.setLegalBasis(ability, caseId, body.legalBasis);
  }

  @Put('cases/:caseId/next-review')
  @RequireAbility('update', 'Case')
  @ApiOkResponse({ type: CaseSummaryResponse, description: 'The case with its next review date.' })
  nextReview(@UserAbility() ability: AppAbility, @Param('caseId') caseId: string, @Body() body: NextReviewDto) {
    return this.cases.setNextReview(ability, caseId, body.nextReviewOn);
  }

  @Get('cases/:caseId/disclosures')
  @RequireAbility('read', 'Disclosure')
  @ApiOkResponse({ type: DisclosureListResponse, description: 'Active disclosures of the case.' })
  async listDisclosures(@UserAbility() ability: AppAbility, @Param('caseId') caseId: string) {
    return { items: await this.disclosures.list(ability, caseId) };
  }

  @Post('cases/:caseId/disclosures')
  @Idempotent()
  @RequireAbility('create', 'Disclosure')
  @ApiCreatedResponse({ type: DisclosureResponse, description: 'The disclosure, with the confirmations stored.' })
  @ApiBadRequestResponse({ description: '`BEYOND_CONSENT` or `CONFIRMATION_REQUIRED`, with the reason.' })
  disclose(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('caseId') caseId: string, @Body() body: DiscloseDto) {
    return this.disclosures.disclose(ability, user, caseId, body);
  }

  @Delete('disclosures/:id')
  @HttpCode(204)
  @RequireAbility('update', 'Disclosure')
  @ApiNoContentResponse({ description: 'Revoked.' })
  revoke(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('id') id: string) {
    return this.disclosures.revoke(ability, user, id);
  }

  @Get('cases/:caseId/partner-view')
  @RequireAbility('read', 'Disclosure')
  @ApiOkResponse({ type: PartnerViewResponse, description: 'Per partner: what the consent allows, what is disclosed, and the facts that partner sees now.' })
  async partnerView(@UserAbility() ability: AppAbility, @Param('caseId') caseId: string) {
    return { items: await this.disclosures.sharingOverview(ability, caseId) };
  }
}
