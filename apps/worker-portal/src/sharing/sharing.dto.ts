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
  @ApiProperty({ format: 'uuid', description: 'The partner organisation (landlord or OCMW)' })
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
  @ApiPropertyOptional({ maxLength: 1000 })
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
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId!: string;

  @ApiPropertyOptional({ enum: FACT_CATEGORIES, description: 'A whole category; or give factId' })
  @IsOptional()
  @IsIn(FACT_CATEGORIES)
  category?: FactCategory;

  @ApiPropertyOptional({ format: 'uuid', description: 'A single fact; or give category' })
  @IsOptional()
  @IsUUID()
  factId?: string;

  @ApiPropertyOptional({ description: 'Confirms the warning for a recipient not bound by professional secrecy' })
  @IsOptional()
  @IsBoolean()
  confirmWarning?: boolean;

  @ApiPropertyOptional({ description: 'Confirms the five conditions of shared professional secrecy' })
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
