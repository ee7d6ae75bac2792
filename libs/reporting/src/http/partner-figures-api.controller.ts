import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { ReportingService } from '../application/reporting.service';
import type { YearlyReport } from '../domain/report';
import { reportPeriodOf, YearlyReportQueryDto } from './report-query.dto';
import { YearlyReportResponse } from './report-response.dto';

/** A partner's figures as JSON (landlord and OCMW portals): counts over its own referrals only. */
@ApiTags('figures')
@Controller('api')
export class PartnerFiguresApiController {
  constructor(private readonly reporting: ReportingService) {}

  @Get('figures')
  @RequireAbility('read', 'Report')
  @ApiOkResponse({
    type: YearlyReportResponse,
    description:
      'The yearly report over the trajectories this organisation referred: counts only, never a tenant or a case. Counts of 1 or 2 are withheld (null, named in `suppressed`), and so are as many other cells as needed that none can be computed back.',
  })
  @ApiBadRequestResponse({ description: 'A year outside 2000–2100, or `toYear` before `fromYear` (`PERIOD_ORDER`).' })
  @ApiForbiddenResponse({ description: 'The account has no figures to read.' })
  figures(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Query() query: YearlyReportQueryDto): Promise<YearlyReport> {
    return this.reporting.reportFor(ability, user, reportPeriodOf(query));
  }
}
