import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, DomainError } from '@woonbrug/kernel';
import { subject, type AppAbility } from '@woonbrug/policies';
import { DataSource } from 'typeorm';
import { groupByCategory, type BottlenecksByCategory } from '../domain/bottleneck';
import { periodProblems } from '../domain/period';
import type { ReportPeriod, ReportScope, YearlyReport } from '../domain/report';
import { suppressReportCells } from '../domain/report-suppression';
import { YearlyReports } from '../infrastructure/yearly-reports';
import { BottlenecksService } from './bottlenecks.service';

/** Who asks for a report: the signed-in user's organisation. */
export interface ReportReader {
  readonly organisationId: string | null;
}

/** The coordinator's evaluation of a period: the figures and the bottlenecks recorded in it. */
export interface EvaluationView {
  readonly period: { readonly from: string; readonly to: string };
  readonly report: YearlyReport;
  readonly bottleneckCount: number;
  readonly bottlenecks: readonly BottlenecksByCategory[];
}

export function noReport(): DomainError {
  return new DomainError('FORBIDDEN', 'forbidden', 'No report for this user');
}

/**
 * Figures (DESIGN.md §5): the yearly report over an outreach organisation's trajectories for its
 * coordinator, the same counts over a partner's own referrals (small cells suppressed), and the
 * evaluation of a period with its bottlenecks. Aggregates run in SQL (one statement).
 */
@Injectable()
export class ReportingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly bottlenecks: BottlenecksService,
    private readonly reports: YearlyReports,
  ) {}

  /**
   * The report for a scope and period as a plain object (what the API returns). A `referrer`
   * scope (landlord, OCMW) always has its small cells suppressed and no breakdown by referrer.
   * Reads only columns that retention keeps, so it is the same before and after anonymisation.
   */
  async yearlyReport(scope: ReportScope, period: ReportPeriod = {}): Promise<YearlyReport> {
    const problems = periodProblems(period.from, period.to, 'to');
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'invalid', 'The period ends before it starts', problems);
    const full = await this.reports.load(scope, period);
    return scope.scope === 'referrer' ? suppressReportCells(full) : full;
  }

  /**
   * Which report the caller may read, from its ability (ability.factory.ts): a coordinator the
   * outreach report of its organisation, a landlord or OCMW agent the figures of its own
   * referrals; anyone else is refused.
   */
  scopeOf(ability: AppAbility, reader: ReportReader): ReportScope {
    const organisationId = reader.organisationId;
    if (organisationId) {
      for (const scope of ['outreach', 'referrer'] as const) {
        if (ability.can('read', subject('Report', { scope, organisationId }))) return { scope, organisationId };
      }
    }
    throw noReport();
  }

  /** The report the caller may read, for a period. */
  async reportFor(ability: AppAbility, reader: ReportReader, period: ReportPeriod = {}): Promise<YearlyReport> {
    return this.yearlyReport(this.scopeOf(ability, reader), period);
  }

  /** The coordinator's evaluation; the period defaults to this calendar year up to today. */
  async evaluation(ability: AppAbility, reader: ReportReader, period: ReportPeriod = {}): Promise<EvaluationView> {
    const scope = this.scopeOf(ability, reader);
    if (scope.scope !== 'outreach') throw noReport();
    const today = this.clock.today();
    const from = period.from ?? `${today.slice(0, 4)}-01-01`;
    const to = period.to ?? (from > today ? `${from.slice(0, 4)}-12-31` : today);
    const report = await this.yearlyReport(scope, { from, to });
    const items = await this.bottlenecks.list(ability, { from, to });
    return { period: { from, to }, report, bottleneckCount: items.length, bottlenecks: groupByCategory(items) };
  }
}
