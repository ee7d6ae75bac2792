import { ApiProperty } from '@nestjs/swagger';
import { BUDGET_COUNSELLING_KINDS, BUDGET_TEXT_LIMITS, EURO_AMOUNT_PATTERN, type BudgetCounsellingKind } from '@woonbrug/budget';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsString, Matches, MaxLength, Min } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Optimistic locking: the `version` of the referral as the caller last saw it. */
export class AnswerFinancialReferralDto {
  @ApiProperty({ example: 1, minimum: 1, description: 'The referral’s `version` as last read; another value answers 409 STALE_VERSION' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class DeclineFinancialReferralDto extends AnswerFinancialReferralDto {
  @ApiProperty({ maxLength: BUDGET_TEXT_LIMITS.declineReason, example: 'De huurder woont niet in onze gemeente.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(BUDGET_TEXT_LIMITS.declineReason)
  reason!: string;
}

export class GuidanceStartedDto extends AnswerFinancialReferralDto {
  @ApiProperty({ example: '2026-12-01', description: 'The day guidance started (YYYY-MM-DD); not in the future, not before the referral' })
  @Matches(ISO_DATE)
  @IsISO8601({ strict: true })
  startedOn!: string;

  @ApiProperty({ enum: BUDGET_COUNSELLING_KINDS })
  @IsIn(BUDGET_COUNSELLING_KINDS)
  kind!: BudgetCounsellingKind;
}

export class CostAdvanceDto {
  @ApiProperty({
    example: '125.50',
    description: 'Euro as a decimal string: more than 0, at most 1000000.00, at most two decimals, no thousands separator',
  })
  @IsString()
  @Matches(EURO_AMOUNT_PATTERN)
  amount!: string;

  @ApiProperty({ maxLength: BUDGET_TEXT_LIMITS.purpose, example: 'Achterstallige energiefactuur' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(BUDGET_TEXT_LIMITS.purpose)
  purpose!: string;

  @ApiProperty({ example: '2026-12-03', description: 'The day the OCMW advanced the cost (YYYY-MM-DD); not in the future' })
  @Matches(ISO_DATE)
  @IsISO8601({ strict: true })
  advancedOn!: string;

  @ApiProperty({ maxLength: BUDGET_TEXT_LIMITS.repaymentTerms, example: '25 euro per maand vanaf januari' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(BUDGET_TEXT_LIMITS.repaymentTerms)
  repaymentTerms!: string;
}
