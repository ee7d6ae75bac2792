import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FactsService } from '@woonbrug/cases';
import { ConsentService, DisclosureService } from '@woonbrug/consent';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { DiscloseDto, FactDto, LegalBasisDto, RecordConsentDto, WithdrawConsentDto } from './sharing.dto';

/** The worker's facts, consents and disclosures of a case (JSON API). */
@ApiTags('sharing')
@ApiNotFoundResponse({ description: 'No such case or record, or not one of the caller’s cases.' })
@Controller('api')
export class SharingApiController {
  constructor(
    private readonly facts: FactsService,
    private readonly consents: ConsentService,
    private readonly disclosures: DisclosureService,
  ) {}

  @Get('cases/:caseId/facts')
  @RequireAbility('read', 'Fact')
  @ApiOkResponse({ description: 'The facts of the case, oldest first.' })
  async listFacts(@UserAbility() ability: AppAbility, @Param('caseId') caseId: string) {
    return { items: await this.facts.listOfCase(ability, caseId) };
  }

  @Post('cases/:caseId/facts')
  @RequireAbility('create', 'Fact')
  @ApiCreatedResponse({ description: 'The new fact.' })
  @ApiBadRequestResponse({ description: 'Problem details per invalid field.' })
  createFact(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('caseId') caseId: string, @Body() body: FactDto) {
    return this.facts.create(ability, user, caseId, body);
  }

  @Patch('facts/:id')
  @RequireAbility('update', 'Fact')
  @ApiOkResponse({ description: 'The fact after the change; the previous version is kept.' })
  updateFact(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: FactDto) {
    return this.facts.update(ability, user, id, body);
  }

  @Get('facts/:id/history')
  @RequireAbility('update', 'Fact')
  @ApiOkResponse({ description: 'Earlier versions, newest first.' })
  async factHistory(@UserAbility() ability: AppAbility, @Param('id') id: string) {
    return { items: await this.facts.history(ability, id) };
  }

  @Get('cases/:caseId/consents')
  @RequireAbility('read', 'Consent')
  @ApiOkResponse({ description: 'Consents of the case, newest first, with their state.' })
  async listConsents(@UserAbility() ability: AppAbility, @Param('caseId') caseId: string) {
    return { items: await this.consents.list(ability, caseId) };
  }

  @Post('cases/:caseId/consents')
  @RequireAbility('create', 'Consent')
  @ApiCreatedResponse({ description: 'The recorded consent.' })
  recordConsent(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('caseId') caseId: string, @Body() body: RecordConsentDto) {
    return this.consents.record(ability, user, caseId, body);
  }

  @Post('consents/:id/withdraw')
  @HttpCode(200)
  @RequireAbility('update', 'Consent')
  @ApiOkResponse({ description: 'The consent, now withdrawn; partners lose access on their next request.' })
  withdraw(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: WithdrawConsentDto) {
    return this.consents.withdraw(ability, user, id, body.note);
  }

  @Put('cases/:caseId/legal-basis')
  @HttpCode(204)
  @RequireAbility('update', 'Consent')
  @ApiNoContentResponse({ description: 'Recorded.' })
  legalBasis(@UserAbility() ability: AppAbility, @Param('caseId') caseId: string, @Body() body: LegalBasisDto) {
    return this.consents.setLegalBasis(ability, caseId, body.legalBasis);
  }

  @Get('cases/:caseId/disclosures')
  @RequireAbility('read', 'Disclosure')
  @ApiOkResponse({ description: 'Active disclosures of the case.' })
  async listDisclosures(@UserAbility() ability: AppAbility, @Param('caseId') caseId: string) {
    return { items: await this.disclosures.list(ability, caseId) };
  }

  @Post('cases/:caseId/disclosures')
  @RequireAbility('create', 'Disclosure')
  @ApiCreatedResponse({ description: 'The disclosure, with the confirmations stored.' })
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
  @ApiOkResponse({ description: 'Per partner: what the consent allows, what is disclosed, and the facts that partner sees now.' })
  async partnerView(@UserAbility() ability: AppAbility, @Param('caseId') caseId: string) {
    return { items: await this.disclosures.sharingOverview(ability, caseId) };
  }
}
