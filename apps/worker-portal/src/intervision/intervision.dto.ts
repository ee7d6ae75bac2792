import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INTERVISION_STATES, INTERVISION_TEXT_LIMITS } from '@woonbrug/intervision';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';

const STRIPPED = 'Stripped of identifiers before it is stored.';

/** A new draft from one of the caller's cases: the question to the peers (the text is made from the case). */
export class CreateIntervisionDto {
  @ApiProperty({ maxLength: INTERVISION_TEXT_LIMITS.question, example: 'Hoe krijg ik de huurder mee in een poetsplan zonder dat ze afhaakt?', description: STRIPPED })
  @IsString()
  @IsNotEmpty()
  @MaxLength(INTERVISION_TEXT_LIMITS.question)
  question!: string;

  @ApiPropertyOptional({ maxLength: INTERVISION_TEXT_LIMITS.title, example: 'Huurder houdt de deur dicht', description: `Defaults to a neutral title. ${STRIPPED}` })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(INTERVISION_TEXT_LIMITS.title)
  title?: string;
}

/** Sharing names the version of the summary it was decided on (optimistic locking). */
export class IntervisionVersionDto {
  @ApiProperty({ minimum: 1, example: 1, description: 'The `version` of the summary this change was made on; a stale one answers 409 `STALE_VERSION`.' })
  @IsInt()
  @Min(1)
  version!: number;
}

/** The author's edit: the whole title, question and text, on the version they saw. */
export class UpdateIntervisionDto extends IntervisionVersionDto {
  @ApiProperty({ maxLength: INTERVISION_TEXT_LIMITS.title, example: 'Huurder houdt de deur dicht', description: STRIPPED })
  @IsString()
  @IsNotEmpty()
  @MaxLength(INTERVISION_TEXT_LIMITS.title)
  title!: string;

  @ApiProperty({ maxLength: INTERVISION_TEXT_LIMITS.question, example: 'Hoe krijg ik opnieuw contact na drie gemiste afspraken?', description: STRIPPED })
  @IsString()
  @IsNotEmpty()
  @MaxLength(INTERVISION_TEXT_LIMITS.question)
  question!: string;

  @ApiProperty({ maxLength: INTERVISION_TEXT_LIMITS.body, example: '[huurder] woont alleen; de woning is sterk vervuild.', description: STRIPPED })
  @IsString()
  @IsNotEmpty()
  @MaxLength(INTERVISION_TEXT_LIMITS.body)
  body!: string;
}

/** An answer in the thread of a shared summary. */
export class IntervisionReplyDto {
  @ApiProperty({ maxLength: INTERVISION_TEXT_LIMITS.reply, example: 'Probeer via de buurvrouw een briefje te bezorgen.', description: STRIPPED })
  @IsString()
  @IsNotEmpty()
  @MaxLength(INTERVISION_TEXT_LIMITS.reply)
  body!: string;
}

// OpenAPI descriptions of what the API returns.

export class IntervisionAuthorResponse {
  @ApiProperty({ example: 'Sara Voorbeeld' }) name!: string;
  @ApiProperty({ example: 'Woonbrug Waasland' }) organisationName!: string;
}

export class IntervisionReplyResponse {
  @ApiProperty({ format: 'uuid', example: '3fa85f64-5717-4562-b3fc-2c963f66afa6' }) id!: string;
  @ApiProperty({ example: 'Probeer via de buurvrouw een briefje te bezorgen.' }) body!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-21T09:15:00.000Z' }) createdAt!: string;
  @ApiProperty({ type: IntervisionAuthorResponse }) author!: IntervisionAuthorResponse;
  @ApiProperty({ example: false, description: 'Written by the caller' }) mine!: boolean;
}

export class IntervisionSourceCaseResponse {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) id!: string;
  @ApiProperty({ example: '2026-0042' }) reference!: string;
}

export class IntervisionSummaryResponse {
  @ApiProperty({ format: 'uuid', example: '3fa85f64-5717-4562-b3fc-2c963f66afa6' }) id!: string;
  @ApiProperty({ example: 'Huurder houdt de deur dicht' }) title!: string;
  @ApiProperty({ example: 'Hoe krijg ik opnieuw contact na drie gemiste afspraken?' }) question!: string;
  @ApiProperty({ example: '[huurder] woont alleen; de woning is sterk vervuild. Ongeveer 3 weken eerder werd de eerste afspraak gemist.', description: 'The pseudonymised situation; dates are relative to `referenceDate`' }) body!: string;
  @ApiProperty({ enum: INTERVISION_STATES }) state!: string;
  @ApiProperty({ format: 'date', example: '2026-11-20' }) referenceDate!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-11-20T10:00:00.000Z' }) sharedAt!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-19T16:45:00.000Z' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T10:00:00.000Z' }) updatedAt!: string;
  @ApiProperty({ minimum: 1, example: 2 }) version!: number;
  @ApiProperty({ type: IntervisionAuthorResponse }) author!: IntervisionAuthorResponse;
  @ApiProperty({ example: true, description: 'The caller wrote this summary' }) mine!: boolean;
  @ApiPropertyOptional({
    type: IntervisionSourceCaseResponse,
    nullable: true,
    description: 'Only for the author, while they may read that case; absent for every peer.',
  })
  sourceCase?: IntervisionSourceCaseResponse | null;
  @ApiProperty({ type: [IntervisionReplyResponse], description: 'Oldest first' }) replies!: IntervisionReplyResponse[];
}

export class SavedIntervisionResponse extends IntervisionSummaryResponse {
  @ApiProperty({ description: 'How many identifiers of each kind the stripping replaced in what was sent (dates under `date`)', example: { name: 1, phone: 1 } })
  replaced!: Record<string, number>;
}

export class IntervisionListItemResponse {
  @ApiProperty({ format: 'uuid', example: '3fa85f64-5717-4562-b3fc-2c963f66afa6' }) id!: string;
  @ApiProperty({ example: 'Huurder houdt de deur dicht' }) title!: string;
  @ApiProperty({ enum: INTERVISION_STATES }) state!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-11-20T10:00:00.000Z' }) sharedAt!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-21T09:15:00.000Z' }) updatedAt!: string;
  @ApiProperty({ type: IntervisionAuthorResponse }) author!: IntervisionAuthorResponse;
  @ApiProperty({ example: false }) mine!: boolean;
  @ApiProperty({ minimum: 0, example: 2 }) replyCount!: number;
}

export class IntervisionListResponse {
  @ApiProperty({ type: [IntervisionListItemResponse], description: 'Shared summaries of every peer and the caller’s drafts, latest first' })
  items!: IntervisionListItemResponse[];
}
