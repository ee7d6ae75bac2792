import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { CurrentAuditActor, type AuditActor } from '@woonbrug/audit';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { TenantOverviewService, type TenantOverview } from '@woonbrug/tenant-overview';
import { TenantOverviewResponse } from './tenant-overview.dto';

/** The tenant's overview (GDPR art. 15) as JSON, for the case's assigned worker. */
@ApiTags('tenant-overview')
@Controller('api/cases/:caseId/overview')
export class TenantOverviewApiController {
  constructor(private readonly overviews: TenantOverviewService) {}

  @Get()
  @RequireAbility('read', 'TenantOverview')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({
    type: TenantOverviewResponse,
    description:
      'What is stored about the tenant in the case (case data, steps, referrals, facts, eviction procedure, budget counselling), every consent and withdrawal, every disclosure (revoked ones included) and the partner organisations’ reads and refused attempts from the disclosure log (field names, Belgian time in ISO). Private notes are never part of it. The export is itself logged.',
  })
  @ApiNotFoundResponse({ description: 'No such case, or not one of the caller’s assigned cases (both answer the same).' })
  @ApiForbiddenResponse({ description: 'The caller’s role cannot produce overviews (only outreach workers can).' })
  @ApiServiceUnavailableResponse({ description: '`AUDIT_UNAVAILABLE`: the export could not be logged, so nothing is sent.' })
  get(
    @UserAbility() ability: AppAbility,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuditActor() who: AuditActor,
    @Param('caseId') caseId: string,
  ): Promise<TenantOverview> {
    return this.overviews.export(ability, user, who, caseId, 'json', (overview) => overview);
  }
}
