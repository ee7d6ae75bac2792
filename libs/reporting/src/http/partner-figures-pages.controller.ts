import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { DomainError } from '@woonbrug/kernel';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { fromForm, html, Page, validateInput, type PageContext } from '@woonbrug/web';
import type { FastifyReply } from 'fastify';
import { ReportingService } from '../application/reporting.service';
import { reportPeriodOf, YearlyReportQueryDto } from './report-query.dto';
import { FiguresPage } from './views/figures.page';
import { filterErrors } from './views/year-filter';

/** A partner's figures page (landlord and OCMW portals). */
@ApiExcludeController()
@Controller()
export class PartnerFiguresPagesController {
  constructor(private readonly reporting: ReportingService) {}

  @Get('figures')
  @RequireAbility('read', 'Report')
  async figures(
    @Page() ctx: PageContext,
    @UserAbility() ability: AppAbility,
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ) {
    const values = fromForm(query);
    delete values.lang;
    const input = validateInput(YearlyReportQueryDto, values);
    if (!input.ok) return html(reply, FiguresPage({ ctx, report: null, values, errors: filterErrors(ctx, input.problems) }), 400);
    try {
      const report = await this.reporting.reportFor(ability, user, reportPeriodOf(input.value));
      return html(reply, FiguresPage({ ctx, report, values, errors: {} }));
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'invalid') {
        return html(reply, FiguresPage({ ctx, report: null, values, errors: filterErrors(ctx, error.details) }), 400);
      }
      throw error;
    }
  }
}
