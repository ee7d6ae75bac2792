import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DomainError } from '@woonbrug/kernel';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { BOTTLENECK_CATEGORIES, MAX_BOTTLENECK_LENGTH, type BottleneckCategory } from '../domain/bottleneck';
import { MAX_REPORT_YEAR, MIN_REPORT_YEAR, periodProblems, yearPeriod } from '../domain/period';
import type { ReportPeriod } from '../domain/report';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period of the yearly report and of partners' figures: years of start, both inclusive. */
export class YearlyReportQueryDto {
  @ApiPropertyOptional({ example: 2011, minimum: MIN_REPORT_YEAR, maximum: MAX_REPORT_YEAR, description: 'First year of start (inclusive); absent: from the first trajectory.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_REPORT_YEAR)
  @Max(MAX_REPORT_YEAR)
  fromYear?: number;

  @ApiPropertyOptional({ example: 2013, minimum: MIN_REPORT_YEAR, maximum: MAX_REPORT_YEAR, description: 'Last year of start (inclusive); absent: up to the last trajectory.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_REPORT_YEAR)
  @Max(MAX_REPORT_YEAR)
  toYear?: number;
}

/** The period of a validated year query; `PERIOD_ORDER` on `toYear` when it lies before `fromYear`. */
export function reportPeriodOf(query: YearlyReportQueryDto): ReportPeriod {
  const problems = periodProblems(query.fromYear, query.toYear, 'toYear');
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'invalid', 'The period ends before it starts', problems);
  return yearPeriod(query.fromYear, query.toYear);
}

/** A period of dates (evaluation, bottlenecks), both inclusive. */
export class DatePeriodQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @Matches(ISO_DATE)
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @Matches(ISO_DATE)
  @IsISO8601({ strict: true })
  to?: string;
}

/** The date period of a validated query; `PERIOD_ORDER` on `to` when it lies before `from`. */
export function datePeriodOf(query: DatePeriodQueryDto): ReportPeriod {
  const problems = periodProblems(query.from, query.to, 'to');
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'invalid', 'The period ends before it starts', problems);
  return { ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) };
}

/** Filters of the bottleneck list. */
export class BottleneckQueryDto extends DatePeriodQueryDto {
  @ApiPropertyOptional({ enum: BOTTLENECK_CATEGORIES })
  @IsOptional()
  @IsIn(BOTTLENECK_CATEGORIES)
  category?: BottleneckCategory;
}

/** A bottleneck to record. Name no tenant: it is shared with the whole team. */
export class RecordBottleneckDto {
  @ApiProperty({ enum: BOTTLENECK_CATEGORIES })
  @IsIn(BOTTLENECK_CATEGORIES)
  category!: BottleneckCategory;

  @ApiProperty({ minLength: 1, maxLength: MAX_BOTTLENECK_LENGTH, example: 'Wachtlijst voor budgetbeheer bij het OCMW loopt op tot drie maanden.', description: 'The observation, without names of tenants.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_BOTTLENECK_LENGTH)
  body!: string;

  @ApiPropertyOptional({ example: '2026-11-20', description: 'When it was observed; defaults to today; not in the future.' })
  @IsOptional()
  @Matches(ISO_DATE)
  @IsISO8601({ strict: true })
  observedOn?: string;
}
