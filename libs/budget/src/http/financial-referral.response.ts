import { ApiProperty } from '@nestjs/swagger';
import type { CostAdvanceView, FinancialReferralView } from '../application/budget-views';
import { BUDGET_COUNSELLING_KINDS, FINANCIAL_REFERRAL_STATUSES, type BudgetCounsellingKind, type FinancialReferralStatus } from '../domain/budget-counselling';

const UUID_EXAMPLE = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

/** OpenAPI shape of {@link CostAdvanceView}. */
export class CostAdvanceResponse implements CostAdvanceView {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) id!: string;
  @ApiProperty({ minimum: 1, example: 12550, description: 'Whole cents' }) amountCents!: number;
  @ApiProperty({ example: '€ 125,50' }) amountFormatted!: string;
  @ApiProperty({ example: 'Voorschot energiefactuur' }) purpose!: string;
  @ApiProperty({ format: 'date', example: '2026-11-20' }) advancedOn!: string;
  @ApiProperty({ example: 'Terugbetaling in 5 maandelijkse schijven van € 25,10' }) repaymentTerms!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T10:00:00.000Z' }) recordedAt!: string;
}

export class FinancialReferralGuidanceResponse {
  @ApiProperty({ format: 'date', example: '2026-12-01' }) startedOn!: string;
  @ApiProperty({ enum: BUDGET_COUNSELLING_KINDS, example: 'budget_guidance' }) kind!: BudgetCounsellingKind;
}

export class FinancialReferralOcmwResponse {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) id!: string;
  @ApiProperty({ example: 'OCMW Beveren' }) name!: string;
}

export class FinancialReferralTenantResponse {
  @ApiProperty({ example: 'Jan Voorbeeld' }) name!: string;
  @ApiProperty({ example: 'Demostraat 1' }) address!: string;
  @ApiProperty({ example: 'Beveren' }) municipality!: string;
}

export class FinancialReferralWorkerResponse {
  @ApiProperty({ example: 'Sofie Bemoeizorger' }) name!: string;
  @ApiProperty({ nullable: true, type: String, example: '0470 00 00 02' }) phone!: string | null;
  @ApiProperty({ format: 'email', example: 'worker@woonbrug.example' }) email!: string;
}

/** OpenAPI shape of {@link FinancialReferralView}: no facts, no case id or reference. */
export class FinancialReferralResponse implements FinancialReferralView {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) id!: string;
  @ApiProperty({ enum: BUDGET_COUNSELLING_KINDS, example: 'budget_guidance' }) kind!: BudgetCounsellingKind;
  @ApiProperty({ example: 'Betalingsachterstand bij energie en huur; de huurder vraagt zelf hulp.' }) motivation!: string;
  @ApiProperty({ enum: FINANCIAL_REFERRAL_STATUSES, example: 'accepted' }) status!: FinancialReferralStatus;
  @ApiProperty({ nullable: true, type: String, example: null }) declineReason!: string | null;
  @ApiProperty({ type: FinancialReferralGuidanceResponse, nullable: true, description: 'Set once the OCMW reports that guidance started' })
  guidance!: FinancialReferralGuidanceResponse | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T10:00:00.000Z' }) referredAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-11-22T09:00:00.000Z' }) answeredAt!: string | null;
  @ApiProperty({ minimum: 1, example: 2, description: 'Send it back with accept, decline and guidance-started' }) version!: number;
  @ApiProperty({ type: FinancialReferralOcmwResponse }) ocmw!: FinancialReferralOcmwResponse;
  @ApiProperty({ type: FinancialReferralTenantResponse }) tenant!: FinancialReferralTenantResponse;
  @ApiProperty({ type: FinancialReferralWorkerResponse, nullable: true }) worker!: FinancialReferralWorkerResponse | null;
  @ApiProperty({ type: [CostAdvanceResponse] }) costAdvances!: CostAdvanceResponse[];
}

export class FinancialReferralListResponse {
  @ApiProperty({ type: [FinancialReferralResponse] }) items!: FinancialReferralResponse[];
}
