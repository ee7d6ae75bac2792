import { ApiProperty } from '@nestjs/swagger';
import { BUDGET_COUNSELLING_KINDS, BUDGET_TEXT_LIMITS, type BudgetCounsellingKind } from '@woonbrug/budget';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The worker's referral to the OCMW of the tenant's municipality. */
export class FinancialReferralDto {
  @ApiProperty({ enum: BUDGET_COUNSELLING_KINDS, description: 'Budget guidance (the tenant manages, with help) or budget management (the OCMW manages)' })
  @IsIn(BUDGET_COUNSELLING_KINDS)
  kind!: BudgetCounsellingKind;

  @ApiProperty({ maxLength: BUDGET_TEXT_LIMITS.motivation, example: 'Betalingsachterstand bij energie en huur; de huurder vraagt zelf hulp bij het beheren van het budget.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(BUDGET_TEXT_LIMITS.motivation)
  motivation!: string;
}
