import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import {
  DatePeriodQueryDto,
  datePeriodOf,
  EvaluationResponse,
  ReportingService,
  reportPeriodOf,
  YearlyReportQueryDto,
  YearlyReportResponse,
  type EvaluationView,
  type YearlyReport,
} from '@woonbrug/reporting';

const FORBIDDEN = 'Only the coordinator reads the report of the organisation (workers, the privacy officer and the administrator do not).';

/** The coordinator's figures as JSON: the yearly report and the evaluation of a period. */
@ApiTags('reports')
@ApiForbiddenResponse({ description: FORBIDDEN })
@Controller('api/reports')
export class ReportsApiController {
  constructor(private readonly reporting: ReportingService) {}

  @Get('yearly')
  @RequireAbility('read', 'Report')
  @ApiOkResponse({
    type: YearlyReportResponse,
    description:
      'Per year of start: closed trajectories, favourable, unfavourable by outcome, success rate (favourable ÷ closed, half-up to a whole percent), average and median duration in days, and the ongoing trajectories apart; the total; breakdowns by referrer and kind, municipality and legal basis. The same numbers as the page and the CSV.',
  })
  @ApiBadRequestResponse({ description: 'A year outside 2000–2100, or `toYear` before `fromYear` (`PERIOD_ORDER`).' })
  yearly(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Query() query: YearlyReportQueryDto): Promise<YearlyReport> {
    return this.reporting.reportFor(ability, user, reportPeriodOf(query));
  }

  @Get('evaluation')
  @RequireAbility('read', 'Report')
  @ApiOkResponse({ type: EvaluationResponse, description: 'The figures of trajectories that started in the period, and the bottlenecks observed in it. The period defaults to this calendar year.' })
  @ApiBadRequestResponse({ description: 'An invalid date, or `to` before `from` (`PERIOD_ORDER`).' })
  evaluation(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Query() query: DatePeriodQueryDto): Promise<EvaluationView> {
    return this.reporting.evaluation(ability, user, datePeriodOf(query));
  }
}
