import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AuditTrail, CurrentAuditActor, type AuditActor } from '@woonbrug/audit';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { DomainError } from '@woonbrug/kernel';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import {
  DatePeriodQueryDto,
  datePeriodOf,
  filterErrors,
  ReportingService,
  reportPeriodOf,
  yearlyReportCsv,
  YearlyReportQueryDto,
  type YearlyReport,
} from '@woonbrug/reporting';
import { fromForm, html, Page, validateInput, type FieldErrors, type PageContext } from '@woonbrug/web';
import type { FastifyReply } from 'fastify';
import { EvaluationPage } from './evaluation.page';
import { YearlyReportPage } from './yearly-report.page';

type Loaded<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** The coordinator's pages: the yearly report (table, chart, CSV) and the evaluation of a period. */
@ApiExcludeController()
@Controller('reports')
export class ReportsPagesController {
  constructor(
    private readonly reporting: ReportingService,
    private readonly trail: AuditTrail,
  ) {}

  @Get('yearly')
  @RequireAbility('read', 'Report')
  async yearly(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply) {
    const values = this.values(query);
    const loaded = await this.report(ctx, ability, user, values);
    return loaded.ok
      ? html(reply, YearlyReportPage({ ctx, report: loaded.value, values, errors: {} }))
      : html(reply, YearlyReportPage({ ctx, report: null, values, errors: loaded.errors }), 400);
  }

  /**
   * The same report as CSV (see `yearlyReportCsv`: `;`-separated, UTF-8 with BOM, formula cells
   * neutralised). The export is recorded in the disclosure log, like every export.
   */
  @Get('yearly.csv')
  @RequireAbility('read', 'Report')
  async csv(
    @Page() ctx: PageContext,
    @UserAbility() ability: AppAbility,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuditActor() who: AuditActor,
    @Query() query: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ) {
    const values = this.values(query);
    const loaded = await this.report(ctx, ability, user, values);
    if (!loaded.ok) return html(reply, YearlyReportPage({ ctx, report: null, values, errors: loaded.errors }), 400);
    await this.trail.record(who, [{ eventType: 'export', outcome: 'allowed', action: 'export', subject: 'yearly_report', fields: Object.keys(values) }]);
    const years = [loaded.value.period.from?.slice(0, 4), loaded.value.period.to?.slice(0, 4)].filter(Boolean).join('-');
    return reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="woonbrug-jaarrapport${years ? `-${years}` : ''}.csv"`)
      .header('Cache-Control', 'no-store')
      .send(yearlyReportCsv(loaded.value, ctx.t, ctx.lang));
  }

  @Get('evaluation')
  @RequireAbility('read', 'Report')
  async evaluation(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply) {
    const values = this.values(query);
    const input = validateInput(DatePeriodQueryDto, values);
    if (!input.ok) return html(reply, EvaluationPage({ ctx, evaluation: null, values, errors: filterErrors(ctx, input.problems) }), 400);
    try {
      const evaluation = await this.reporting.evaluation(ability, user, datePeriodOf(input.value));
      return html(reply, EvaluationPage({ ctx, evaluation, values: { ...evaluation.period, ...values }, errors: {} }));
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'invalid') return html(reply, EvaluationPage({ ctx, evaluation: null, values, errors: filterErrors(ctx, error.details) }), 400);
      throw error;
    }
  }

  private values(query: Record<string, unknown>): Record<string, unknown> {
    const values = fromForm(query);
    delete values.lang;
    return values;
  }

  private async report(ctx: PageContext, ability: AppAbility, user: AuthenticatedUser, values: Record<string, unknown>): Promise<Loaded<YearlyReport>> {
    const input = validateInput(YearlyReportQueryDto, values);
    if (!input.ok) return { ok: false, errors: filterErrors(ctx, input.problems) };
    try {
      return { ok: true, value: await this.reporting.reportFor(ability, user, reportPeriodOf(input.value)) };
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'invalid') return { ok: false, errors: filterErrors(ctx, error.details) };
      throw error;
    }
  }
}
