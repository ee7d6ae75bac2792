import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BOTTLENECK_CATEGORIES, type BottleneckCategory } from '../domain/bottleneck';
import { COUNT_FIELDS, REFERRER_KINDS, REPORT_LEGAL_BASES } from '../domain/report';

const COUNT = { type: Number, nullable: true, minimum: 0 } as const;
const WITHHELD = 'null only when withheld (partners: fewer than 3 cases, or needed to protect such a cell).';

/** OpenAPI description of the unfavourable outcomes of a row. */
export class OutcomesResponse {
  @ApiProperty({ ...COUNT, example: 1, description: `Evicted. ${WITHHELD}` }) evicted!: number | null;
  @ApiProperty({ ...COUNT, example: 1, description: `Left voluntarily. ${WITHHELD}` }) left_voluntarily!: number | null;
  @ApiProperty({ ...COUNT, example: 1, description: `Refused help. ${WITHHELD}` }) refused_help!: number | null;
  @ApiProperty({ ...COUNT, example: 0, description: `Other outcome. ${WITHHELD}` }) other!: number | null;
}

/** OpenAPI description of one row of figures. */
export class FigureRowResponse {
  @ApiProperty({ ...COUNT, example: 12, description: `Closed trajectories that started in the row's period. ${WITHHELD}` }) trajectories!: number | null;
  @ApiProperty({ ...COUNT, example: 9, description: `Closed with a favourable outcome (the tenant kept the home). ${WITHHELD}` }) favourable!: number | null;
  @ApiProperty({ ...COUNT, example: 3, description: `Closed with another outcome (sum of \`outcomes\`). ${WITHHELD}` }) unfavourable!: number | null;
  @ApiProperty({ type: OutcomesResponse }) outcomes!: OutcomesResponse;
  @ApiProperty({ ...COUNT, example: 4, description: `Active or in aftercare: shown apart, not in \`trajectories\` nor in the success rate. ${WITHHELD}` }) ongoing!: number | null;
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 100, example: 75, description: 'favourable ÷ trajectories as a whole percent, rounded half-up; null without closed trajectories or when withheld.' })
  successRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 183.5, description: 'Average closed_on − started_on in days over closed trajectories (one decimal).' }) averageDays!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 170, description: 'Median of the same durations.' }) medianDays!: number | null;
  @ApiProperty({ enum: COUNT_FIELDS, isArray: true, description: 'Count fields withheld in this row (partners only).' }) suppressed!: string[];
}

export class YearRowResponse extends FigureRowResponse {
  @ApiProperty({ example: 2011, description: 'Year of start.' }) year!: number;
}

export class ReferrerRowResponse extends FigureRowResponse {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) organisationId!: string;
  @ApiProperty({ example: 'GMH Waasland' }) name!: string;
  @ApiProperty({ enum: REFERRER_KINDS }) kind!: string;
}

export class ReferrerKindRowResponse extends FigureRowResponse {
  @ApiProperty({ enum: REFERRER_KINDS }) kind!: string;
}

export class MunicipalityRowResponse extends FigureRowResponse {
  @ApiProperty({ example: 'Beveren' }) municipality!: string;
}

export class LegalBasisRowResponse extends FigureRowResponse {
  @ApiProperty({ enum: REPORT_LEGAL_BASES }) legalBasis!: string;
}

export class ReportPeriodResponse {
  @ApiProperty({ type: String, nullable: true, example: '2011-01-01' }) from!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2013-12-31' }) to!: string | null;
}

/** OpenAPI description of the yearly report (DESIGN.md §5). */
export class YearlyReportResponse {
  @ApiProperty({ enum: ['outreach', 'referrer'], description: '`outreach`: the coordinator’s organisation; `referrer`: a partner’s own referrals.' }) scope!: string;
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) organisationId!: string;
  @ApiProperty({ type: ReportPeriodResponse, description: 'Start dates counted (inclusive); null: open-ended.' }) period!: ReportPeriodResponse;
  @ApiProperty({ type: Number, nullable: true, example: 3, description: 'Partners: counts below this are withheld; null: nothing withheld.' }) suppressionThreshold!: number | null;
  @ApiProperty({ type: [YearRowResponse], description: 'Per year of start, oldest first.' }) years!: YearRowResponse[];
  @ApiProperty({ type: FigureRowResponse }) total!: FigureRowResponse;
  @ApiPropertyOptional({ type: [ReferrerRowResponse], description: 'Coordinator only. A case referred by two organisations counts for both.' }) byReferrer?: ReferrerRowResponse[];
  @ApiPropertyOptional({ type: [ReferrerKindRowResponse], description: 'Coordinator only. A case counts once per kind.' }) byReferrerKind?: ReferrerKindRowResponse[];
  @ApiProperty({ type: [MunicipalityRowResponse] }) byMunicipality!: MunicipalityRowResponse[];
  @ApiProperty({ type: [LegalBasisRowResponse], description: '`not_recorded` for trajectories without a legal basis.' }) byLegalBasis!: LegalBasisRowResponse[];
}

/** OpenAPI description of a bottleneck. */
export class BottleneckResponse {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) id!: string;
  @ApiProperty({ enum: BOTTLENECK_CATEGORIES }) category!: BottleneckCategory;
  @ApiProperty({ example: 'Geen betaalbare noodwoning vrij in de regio; de huurder moest drie weken wachten.' }) body!: string;
  @ApiProperty({ format: 'date', example: '2026-11-20' }) observedOn!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T10:00:00.000Z' }) recordedAt!: string;
}

export class BottleneckListResponse {
  @ApiProperty({ type: [BottleneckResponse], description: 'Newest observation first (at most 500).' }) items!: BottleneckResponse[];
}

export class BottlenecksByCategoryResponse {
  @ApiProperty({ enum: BOTTLENECK_CATEGORIES }) category!: BottleneckCategory;
  @ApiProperty({ type: [BottleneckResponse] }) items!: BottleneckResponse[];
}

export class EvaluationPeriodResponse {
  @ApiProperty({ format: 'date', example: '2026-01-01' }) from!: string;
  @ApiProperty({ format: 'date', example: '2026-06-30' }) to!: string;
}

/** OpenAPI description of the evaluation of a period. */
export class EvaluationResponse {
  @ApiProperty({ type: EvaluationPeriodResponse }) period!: EvaluationPeriodResponse;
  @ApiProperty({ type: YearlyReportResponse, description: 'Trajectories that started in the period.' }) report!: YearlyReportResponse;
  @ApiProperty({ minimum: 0, example: 7 }) bottleneckCount!: number;
  @ApiProperty({ type: [BottlenecksByCategoryResponse], description: 'Bottlenecks observed in the period, by category (empty categories left out).' })
  bottlenecks!: BottlenecksByCategoryResponse[];
}
