import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PROCEDURE_EVENT_KINDS, type ProcedureEventKind } from '@woonbrug/cases';
import { REFERRAL_REASONS, type ReferralReason } from '../domain/referral-reason';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A referral as a landlord or an OCMW submits it (`POST /api/referrals`, and the form). */
export class SubmitReferralDto {
  @ApiProperty({ example: 'Jan Voorbeeld', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  tenantName!: string;

  @ApiProperty({ example: 'Voorbeeldstraat 12 bus 3', maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  address!: string;

  @ApiProperty({ example: 'Beveren', description: 'A municipality of the service area' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  municipality!: string;

  @ApiPropertyOptional({ description: 'The social landlord; required for an OCMW, a landlord refers for itself', format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  @IsOptional()
  @IsUUID()
  landlordOrganisationId?: string;

  @ApiProperty({ enum: REFERRAL_REASONS })
  @IsIn(REFERRAL_REASONS)
  reason!: ReferralReason;

  @ApiProperty({ example: '2026-10-01', description: 'Date of the lease termination notice (YYYY-MM-DD)' })
  @Matches(ISO_DATE)
  @IsISO8601({ strict: true })
  noticeDate!: string;

  @ApiPropertyOptional({ example: '2026-11-02', description: 'Claim filed with the justice of the peace' })
  @IsOptional()
  @Matches(ISO_DATE)
  @IsISO8601({ strict: true })
  claimFiledOn?: string;

  @ApiPropertyOptional({ example: '2026-12-10' })
  @IsOptional()
  @Matches(ISO_DATE)
  @IsISO8601({ strict: true })
  hearingDate?: string;

  @ApiPropertyOptional({ example: '2027-01-15' })
  @IsOptional()
  @Matches(ISO_DATE)
  @IsISO8601({ strict: true })
  evictionDate?: string;

  @ApiProperty({ example: 'An De Smet', description: 'Who at the referrer the outreach worker can reach' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  referrerContactName!: string;

  @ApiPropertyOptional({ example: '03 750 00 00' })
  @IsOptional()
  @IsString()
  @Matches(/^[+0-9 ()./-]{6,30}$/)
  referrerContactPhone?: string;

  @ApiPropertyOptional({ example: 'an.desmet@example.be' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  referrerContactEmail?: string;

  @ApiPropertyOptional({ maxLength: 4000, example: 'Woning sterk vervuild; huurder reageert niet op brieven.', description: 'Free-text context: the housing problem, what was tried' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  context?: string;

  @ApiProperty({ example: true, description: 'The referrer told the tenant about this referral' })
  @IsBoolean()
  tenantInformed!: boolean;
}

/** A step of the eviction procedure, recorded by the landlord. */
export class ProcedureEventDto {
  @ApiProperty({ enum: PROCEDURE_EVENT_KINDS })
  @IsIn(PROCEDURE_EVENT_KINDS)
  kind!: ProcedureEventKind;

  @ApiProperty({ example: '2026-12-10', description: 'When it happened, or for a hearing or eviction when it is scheduled' })
  @Matches(ISO_DATE)
  @IsISO8601({ strict: true })
  eventDate!: string;

  @ApiPropertyOptional({ maxLength: 2000, example: 'Procedure gepauzeerd zolang de begeleiding loopt.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** Where a page of the referral list starts: the time (UTC, microseconds) and id of the last referral of the page before. */
export const REFERRAL_CURSOR = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z~[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A page of the referrer's list (`GET /api/referrals`, and the list page): newest first. */
export class ReferralListQueryDto {
  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 100, default: 50, description: 'Referrals per page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ example: '2026-11-02T09:15:00.123456Z~0b7e1c5a-6f0e-4d39-9a55-2f1e8c3d4b6a', description: 'The `next` of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(REFERRAL_CURSOR)
  before?: string;
}
