import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEGAL_BASES, type LegalBasis } from '@woonbrug/consent';
import { FACT_CATEGORIES, type FactCategory } from '@woonbrug/policies';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class FactDto {
  @ApiProperty({ enum: FACT_CATEGORIES })
  @IsIn(FACT_CATEGORIES)
  category!: FactCategory;

  @ApiProperty({ maxLength: 4000, example: 'Woning opgeruimd; keuken en badkamer proper.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  body!: string;

  @ApiProperty({ example: '2026-11-20' })
  @Matches(ISO_DATE)
  @IsISO8601({ strict: true })
  occurredOn!: string;
}

export class RecordConsentDto {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7', description: 'The partner organisation (landlord or OCMW)' })
  @IsUUID()
  organisationId!: string;

  @ApiProperty({ enum: FACT_CATEGORIES, isArray: true, description: '`health` only when the tenant named it explicitly' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsIn(FACT_CATEGORIES, { each: true })
  categories!: FactCategory[];

  @ApiProperty({ maxLength: 500, example: 'Opvolging van de huuropzeg' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  purpose!: string;

  @ApiProperty({ enum: ['written', 'oral'] })
  @IsIn(['written', 'oral'])
  givenHow!: 'written' | 'oral';

  @ApiProperty({ example: '2026-11-20' })
  @Matches(ISO_DATE)
  @IsISO8601({ strict: true })
  givenOn!: string;

  @ApiPropertyOptional({ example: '2027-11-20', description: 'Defaults to a year after givenOn' })
  @IsOptional()
  @Matches(ISO_DATE)
  @IsISO8601({ strict: true })
  expiresOn?: string;
}

export class WithdrawConsentDto {
  @ApiPropertyOptional({ maxLength: 1000, example: 'De huurder trekt de toestemming mondeling in tijdens het huisbezoek.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class LegalBasisDto {
  @ApiProperty({ enum: LEGAL_BASES })
  @IsIn(LEGAL_BASES)
  legalBasis!: LegalBasis;
}

export class DiscloseDto {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  @IsUUID()
  organisationId!: string;

  @ApiPropertyOptional({ enum: FACT_CATEGORIES, description: 'A whole category; or give factId' })
  @IsOptional()
  @IsIn(FACT_CATEGORIES)
  category?: FactCategory;

  @ApiPropertyOptional({ format: 'uuid', example: '3fa85f64-5717-4562-b3fc-2c963f66afa6', description: 'A single fact; or give category' })
  @IsOptional()
  @IsUUID()
  factId?: string;

  @ApiPropertyOptional({ example: true, description: 'Confirms the warning for a recipient not bound by professional secrecy' })
  @IsOptional()
  @IsBoolean()
  confirmWarning?: boolean;

  @ApiPropertyOptional({ example: true, description: 'Confirms the five conditions of shared professional secrecy' })
  @IsOptional()
  @IsBoolean()
  confirmSharedSecrecy?: boolean;
}

export class NextReviewDto {
  @ApiProperty({ example: '2026-12-15', description: 'Date of the next review; the referrer sees it' })
  @Matches(ISO_DATE)
  @IsISO8601({ strict: true })
  nextReviewOn!: string;
}

/** A fact as the case's worker reads it (partners get only permitted fields, elsewhere). */
export class FactResponse {
  @ApiProperty({ format: 'uuid', example: '3fa85f64-5717-4562-b3fc-2c963f66afa6' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) caseId!: string;
  @ApiProperty({ enum: FACT_CATEGORIES, example: 'housing' }) category!: string;
  @ApiProperty({ example: 'Woning opgeruimd; keuken en badkamer proper.' }) body!: string;
  @ApiProperty({ format: 'date', example: '2026-11-20' }) occurredOn!: string;
  @ApiPropertyOptional({ minimum: 1, example: 1 }) version?: number;
  @ApiPropertyOptional({ format: 'uuid', example: '68e017c8-8774-4e1f-a68f-25bbffa3ded7' }) createdBy?: string;
  @ApiPropertyOptional({ format: 'date-time', example: '2026-11-20T10:00:00.000Z' }) createdAt?: string;
  @ApiPropertyOptional({ format: 'uuid', example: '68e017c8-8774-4e1f-a68f-25bbffa3ded7' }) updatedBy?: string;
  @ApiPropertyOptional({ format: 'date-time', example: '2026-11-20T10:00:00.000Z' }) updatedAt?: string;
}

export class FactListResponse {
  @ApiProperty({ type: [FactResponse], description: 'Oldest first' }) items!: FactResponse[];
}

export class FactRevisionResponse {
  @ApiProperty({ minimum: 1, example: 1 }) version!: number;
  @ApiProperty({ enum: FACT_CATEGORIES, example: 'housing' }) category!: string;
  @ApiProperty({ example: 'Keuken opgeruimd.' }) body!: string;
  @ApiProperty({ format: 'date', example: '2026-11-18' }) occurredOn!: string;
  @ApiProperty({ format: 'uuid', example: '68e017c8-8774-4e1f-a68f-25bbffa3ded7' }) editedBy!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-18T15:00:00.000Z' }) editedAt!: string;
}

export class FactHistoryResponse {
  @ApiProperty({ type: [FactRevisionResponse], description: 'Earlier versions, newest first' }) items!: FactRevisionResponse[];
}

export class ConsentOrganisationResponse {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) id!: string;
  @ApiProperty({ example: 'OCMW Beveren' }) name!: string;
  @ApiProperty({ enum: ['landlord', 'ocmw'], example: 'ocmw' }) kind!: string;
  @ApiProperty({ example: true }) boundByProfessionalSecrecy!: boolean;
}

/** A consent of the tenant for one partner, with its state today. */
export class ConsentResponse {
  @ApiProperty({ format: 'uuid', example: '9b2f6a1e-2f0c-4e7b-8a53-7f1b2c3d4e5f' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) caseId!: string;
  @ApiProperty({ type: ConsentOrganisationResponse }) organisation!: ConsentOrganisationResponse;
  @ApiProperty({ enum: FACT_CATEGORIES, isArray: true, example: ['housing', 'status'] }) categories!: string[];
  @ApiProperty({ example: 'Opvolging van de huuropzeg' }) purpose!: string;
  @ApiProperty({ enum: ['written', 'oral'], example: 'written' }) givenHow!: string;
  @ApiProperty({ format: 'date', example: '2026-11-20' }) givenOn!: string;
  @ApiProperty({ format: 'date', example: '2027-11-20' }) expiresOn!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T10:00:00.000Z' }) recordedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null }) withdrawnAt!: string | null;
  @ApiProperty({ enum: ['active', 'withdrawn', 'expired', 'not_yet_valid'], example: 'active' }) state!: string;
  @ApiProperty({ example: false, description: 'A signed consent form is attached' }) hasDocument!: boolean;
}

export class ConsentListResponse {
  @ApiProperty({ type: [ConsentResponse], description: 'Newest first' }) items!: ConsentResponse[];
}

/** What the worker disclosed to a partner: a whole category or one fact. */
export class DisclosureResponse {
  @ApiProperty({ format: 'uuid', example: '5d7e2c1a-8b9f-4a3c-9d2e-1f0a2b3c4d5e' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) organisationId!: string;
  @ApiProperty({ enum: FACT_CATEGORIES, nullable: true, example: 'housing' }) category!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null }) factId!: string | null;
  @ApiProperty({ example: true }) warningConfirmed!: boolean;
  @ApiProperty({ example: false }) sharedSecrecyConfirmed!: boolean;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T10:00:00.000Z' }) disclosedAt!: string;
}

export class DisclosureListResponse {
  @ApiProperty({ type: [DisclosureResponse] }) items!: DisclosureResponse[];
}

export class PartnerOrganisationResponse {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) id!: string;
  @ApiProperty({ example: 'GMH Waasland' }) name!: string;
  @ApiProperty({ enum: ['outreach', 'landlord', 'ocmw'], example: 'landlord' }) kind!: string;
  @ApiProperty({ example: 'Beveren' }) municipality!: string;
  @ApiProperty({ example: false }) boundByProfessionalSecrecy!: boolean;
}

/** Per partner: what the consent allows, what is disclosed, and the facts that partner sees now. */
export class PartnerSharingResponse {
  @ApiProperty({ type: PartnerOrganisationResponse }) organisation!: PartnerOrganisationResponse;
  @ApiProperty({ enum: FACT_CATEGORIES, isArray: true, example: ['housing', 'status'] }) consentedCategories!: string[];
  @ApiProperty({ type: [DisclosureResponse] }) disclosures!: DisclosureResponse[];
  @ApiProperty({ type: [FactResponse] }) visibleFacts!: FactResponse[];
}

export class PartnerViewResponse {
  @ApiProperty({ type: [PartnerSharingResponse] }) items!: PartnerSharingResponse[];
}
