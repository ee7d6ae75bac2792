/** Figures: the yearly report (DESIGN.md §5), partners' figures with small cells suppressed, bottlenecks and the evaluation. */

/** Nest module providing {@link ReportingService} and {@link BottlenecksService}. */
export { ReportingModule } from './reporting.module';

/**
 * Use cases. `ReportingService.yearlyReport(scope, period)` returns the report for an
 * organisation scope and period as a plain object (suppressed for a `referrer` scope).
 */
export { ReportingService, noReport } from './application/reporting.service';
export type { EvaluationView, ReportReader } from './application/reporting.service';
export { BottlenecksService } from './application/bottlenecks.service';
export { YearlyReports } from './infrastructure/yearly-reports';

/** The report's shape and definitions, success rate, suppression, formatting and CSV. */
export { COUNT_FIELDS, REFERRER_KINDS, REPORT_LEGAL_BASES, UNFAVOURABLE_OUTCOMES, countOf } from './domain/report';
export type {
  CountField,
  FigureRow,
  LegalBasisRow,
  MunicipalityRow,
  ReferrerKind,
  ReferrerKindRow,
  ReferrerRow,
  ReportLegalBasis,
  ReportPeriod,
  ReportScope,
  UnfavourableOutcome,
  YearlyReport,
  YearRow,
} from './domain/report';
export { figureRow, successRate } from './domain/figures';
export { disclosureRisks, isSmallCount, suppressSmallCells, SUPPRESSION_THRESHOLD } from './domain/suppression';
export type { CountRelation, CountTable, DisclosureRisk } from './domain/suppression';
export { reportCountTable, reportDisclosureRisks, suppressReportCells } from './domain/report-suppression';
export { formatNumber, formatPercent } from './domain/format';
export { yearlyReportCsv } from './domain/report-csv';
export { MAX_REPORT_YEAR, MIN_REPORT_YEAR, yearPeriod } from './domain/period';

/** Bottlenecks (knelpunten). */
export { BOTTLENECK_CATEGORIES, MAX_BOTTLENECK_LENGTH, groupByCategory } from './domain/bottleneck';
export type { BottleneckCategory, BottleneckFilter, BottleneckInput, BottleneckView, BottlenecksByCategory } from './domain/bottleneck';

/** HTTP pieces: query DTOs, OpenAPI response classes, the partners' controllers and shared views. */
export { BottleneckQueryDto, DatePeriodQueryDto, datePeriodOf, RecordBottleneckDto, reportPeriodOf, YearlyReportQueryDto } from './http/report-query.dto';
export {
  BottleneckListResponse,
  BottleneckResponse,
  EvaluationResponse,
  YearlyReportResponse,
} from './http/report-response.dto';
export { PartnerFiguresApiController } from './http/partner-figures-api.controller';
export { PartnerFiguresPagesController } from './http/partner-figures-pages.controller';
export { ReportTables } from './http/views/report-tables';
export { YearlyChart } from './http/views/report-chart';
export { filterErrors, YearFilter, yearQuery } from './http/views/year-filter';
