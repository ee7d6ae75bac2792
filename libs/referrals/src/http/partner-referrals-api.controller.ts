import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentAuditActor, type AuditActor } from '@woonbrug/audit';
import { CurrentUser, IdentityService, type AuthenticatedUser } from '@woonbrug/identity';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { Idempotent } from '@woonbrug/web';
import { ReferralsService } from '../application/referrals.service';
import { ProcedureEventDto, ReferralListQueryDto, SubmitReferralDto } from './referral.dto';
import { ProcedureEventResponse, ReferralOptionsResponse, ReferralPageResponse, ReferralResponse } from './referral.response';

/** The referrer's JSON API (landlord and OCMW portals). */
@ApiTags('referrals')
@Controller('api')
export class PartnerReferralsApiController {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly identity: IdentityService,
  ) {}

  @Post('referrals')
  @Idempotent()
  @RequireAbility('create', 'Referral')
  @ApiCreatedResponse({ type: ReferralResponse, description: 'The referral, with its handling status `pending`.' })
  @ApiBadRequestResponse({ description: 'Problem details with an `errors` entry per invalid field; nothing is stored.' })
  submit(@CurrentUser() user: AuthenticatedUser, @Body() body: SubmitReferralDto) {
    return this.referrals.submit(user, body);
  }

  @Get('referrals')
  @RequireAbility('read', 'Referral')
  @ApiOkResponse({ type: ReferralPageResponse, description: "A page of the organisation's own referrals, newest first, with their handling status; `next` asks for the page after it." })
  @ApiBadRequestResponse({ description: 'Problem details: `limit` outside 1–100 or a `before` that is not a `next` value.' })
  list(@UserAbility() ability: AppAbility, @Query() query: ReferralListQueryDto, @CurrentAuditActor() who: AuditActor) {
    return this.referrals.listOwn(ability, query, who);
  }

  @Get('referrals/:id')
  @RequireAbility('read', 'Referral')
  @ApiOkResponse({ type: ReferralResponse, description: 'One referral of the own organisation.' })
  @ApiNotFoundResponse({ description: 'No such referral, or one of another organisation.' })
  get(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @CurrentAuditActor() who: AuditActor) {
    return this.referrals.getOwn(ability, user, id, who);
  }

  @Post('referrals/:id/procedure-events')
  @Idempotent()
  @RequireAbility('create', 'ProcedureEvent')
  @ApiCreatedResponse({ type: ProcedureEventResponse, description: 'The recorded step; the outreach worker sees it at once.' })
  @ApiNotFoundResponse({ description: 'No such referral of the own organisation, or a case that is not open.' })
  recordProcedureEvent(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: ProcedureEventDto) {
    return this.referrals.recordProcedureEvent(ability, user, id, body);
  }

  @Get('referral-options')
  @RequireAbility('create', 'Referral')
  @ApiOkResponse({ type: ReferralOptionsResponse, description: 'Municipalities of the service area and social landlords, for a referral.' })
  async options() {
    const [municipalities, landlords] = await Promise.all([this.referrals.municipalities(), this.identity.listOrganisations('landlord')]);
    return { municipalities, landlords: landlords.map((l) => ({ id: l.id, name: l.name })) };
  }
}
