import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_OUTCOMES, type CaseOutcome } from '@woonbrug/cases';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every change of a case names the version it was made on (optimistic locking). */
class VersionedDto {
  @ApiProperty({ example: 3, description: 'The `version` of the case this change was made on; a stale one answers 409.' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class MoveToStepDto extends VersionedDto {
  @ApiProperty({ example: 'introductory_visit', description: 'A key of GET /api/care-steps' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  step!: string;

  @ApiPropertyOptional({ example: '2026-11-20', description: 'Defaults to today' })
  @IsOptional()
  @Matches(ISO_DATE)
  @IsISO8601({ strict: true })
  enteredOn?: string;

  @ApiPropertyOptional({ maxLength: 2000, example: 'Eerste huisbezoek samen met de aanmelder.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RecordContactDto extends VersionedDto {
  @ApiPropertyOptional({ example: '2026-11-20', description: 'Defaults to today' })
  @IsOptional()
  @Matches(ISO_DATE)
  @IsISO8601({ strict: true })
  on?: string;
}

export class StartAftercareDto extends VersionedDto {
  @ApiProperty({ example: '2027-02-15', description: 'At most 3 months from today' })
  @Matches(ISO_DATE)
  @IsISO8601({ strict: true })
  endsOn!: string;
}

export class CloseCaseDto extends VersionedDto {
  @ApiProperty({ enum: CASE_OUTCOMES })
  @IsIn(CASE_OUTCOMES)
  outcome!: CaseOutcome;

  @ApiProperty({ maxLength: 2000, example: 'Overgedragen aan het CAW voor verdere woonbegeleiding.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  handover!: string;
}

export class ReopenCaseDto extends VersionedDto {
  @ApiProperty({ maxLength: 2000, example: 'Nieuwe huuropzeg na een terugval; de huurder vraagt opnieuw hulp.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

/** One line of the case timeline: a translatable label with its arguments. */
export class TimelineEntryResponse {
  @ApiProperty({ format: 'date', example: '2026-11-20' }) date!: string;
  @ApiProperty({ enum: ['referral', 'step', 'fact', 'consent', 'consent_withdrawn', 'procedure', 'deadline', 'closed', 'aftercare'], example: 'step' }) kind!: string;
  @ApiProperty({ example: 'timeline.step', description: 'i18n key of the line' }) label!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { step: 'guidance' }, description: 'Arguments of the label' })
  args!: Record<string, string>;
  @ApiPropertyOptional({ example: true, description: 'A deadline still ahead' }) upcoming?: boolean;
}

export class TimelineResponse {
  @ApiProperty({ type: [TimelineEntryResponse], description: 'In date order' }) items!: TimelineEntryResponse[];
}
