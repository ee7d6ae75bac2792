import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_EVENT_TYPES } from '@woonbrug/audit';
import { IsEmail, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Filters of the disclosure log; all optional. */
export class AuditSearchDto {
  @ApiPropertyOptional({ example: '2026-0042' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  caseReference?: string;

  @ApiPropertyOptional({ example: 'gmh@woonbrug.example' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  userEmail?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ example: '2026-11-01' })
  @IsOptional()
  @Matches(ISO_DATE)
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30' })
  @IsOptional()
  @Matches(ISO_DATE)
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: ['allowed', 'denied'] })
  @IsOptional()
  @IsIn(['allowed', 'denied'])
  outcome?: 'allowed' | 'denied';
}

/** One event of the disclosure log as the privacy officer reads it (never case content). */
export class AuditEventResponse {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) id!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T10:00:00.000Z' }) occurredAt!: string;
  @ApiProperty({ enum: AUDIT_EVENT_TYPES, example: 'case.read' }) eventType!: string;
  @ApiProperty({ enum: ['allowed', 'denied'], example: 'allowed' }) outcome!: string;
  @ApiProperty({ example: 'read' }) action!: string;
  @ApiProperty({ nullable: true, type: String, example: 'gmh@woonbrug.example' }) user!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'landlord_agent' }) role!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'GMH Waasland' }) organisation!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-0042' }) caseReference!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Fact' }) subject!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'housing' }) category!: string | null;
  @ApiProperty({ type: [String], example: ['body', 'occurredOn'] }) fields!: string[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null }) consentId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'landlord' }) portal!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '192.0.2.10' }) clientAddress!: string | null;
}

export class AuditEventListResponse {
  @ApiProperty({ type: [AuditEventResponse], description: 'Newest first, at most 500' }) items!: AuditEventResponse[];
}
