import { ApiProperty } from '@nestjs/swagger';
import { CASE_OUTCOMES, CASE_STATES, type CareStep, type CaseOutcome, type CaseState, type CaseSummary } from '@woonbrug/cases';
import { SubmittedReferralResponse } from '@woonbrug/referrals';

/** A case as the outreach side sees it (`CaseSummary`): metadata, never facts or notes. */
export class CaseSummaryResponse implements CaseSummary {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) id!: string;
  @ApiProperty({ example: '2026-0042', description: 'The case number' }) reference!: string;
  @ApiProperty({ enum: CASE_STATES, example: 'active' }) state!: CaseState;
  @ApiProperty({ example: 'Jan Voorbeeld' }) tenantName!: string;
  @ApiProperty({ example: 'Demostraat 1' }) address!: string;
  @ApiProperty({ example: 'Beveren' }) municipality!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '3fa85f64-5717-4562-b3fc-2c963f66afa6', description: 'Null while the referral waits for triage' }) assignedWorkerId!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: '2026-10-20' }) startedOn!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: null }) closedOn!: string | null;
  @ApiProperty({ enum: CASE_OUTCOMES, nullable: true, example: null }) outcome!: CaseOutcome | null;
  @ApiProperty({ nullable: true, type: String, example: 'voluntary' }) legalBasis!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: '2026-12-15', description: 'The next review; the referrer sees it' }) nextReviewOn!: string | null;
  @ApiProperty({ minimum: 1, example: 3, description: 'Send it back with a change (optimistic locking)' }) version!: number;
  @ApiProperty({ nullable: true, type: String, example: 'guidance', description: 'A key of GET /api/care-steps' }) currentStep!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: null }) aftercareEndsOn!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: '2026-11-13' }) lastContactOn!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'To whom the tenant was handed over at closing' }) handover!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null, description: 'The closed case this one reopens' }) reopenedFrom!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-10-15T09:30:00.000Z' }) createdAt!: string;
}

/** One case with the referrals that led to it. */
export class CaseDetailResponse extends CaseSummaryResponse {
  @ApiProperty({ type: [SubmittedReferralResponse], description: 'Oldest first' }) referrals!: SubmittedReferralResponse[];
}

/** A referral waiting for the coordinator's decision. */
export class IncomingReferralResponse {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) caseId!: string;
  @ApiProperty({ example: '2026-0043' }) caseReference!: string;
  @ApiProperty({ type: SubmittedReferralResponse }) referral!: SubmittedReferralResponse;
  @ApiProperty({ example: false, description: 'Rent arrears only: probably not eligible' }) probablyIneligible!: boolean;
  @ApiProperty({ type: [CaseSummaryResponse], description: 'Open cases of the same household: attach instead of opening a second case' })
  openCasesOfHousehold!: CaseSummaryResponse[];
}

export class IncomingReferralListResponse {
  @ApiProperty({ type: [IncomingReferralResponse], description: 'Oldest first' }) items!: IncomingReferralResponse[];
}

export class CaseListResponse {
  @ApiProperty({ type: [CaseSummaryResponse], description: 'Newest first, at most 500' }) items!: CaseSummaryResponse[];
}

export class CareStepResponse implements CareStep {
  @ApiProperty({ example: 'introductory_visit' }) key!: string;
  @ApiProperty({ minimum: 1, example: 2 }) position!: number;
  @ApiProperty({ example: 'Kennismakingsgesprek met de aanmelder' }) nameNl!: string;
  @ApiProperty({ example: 'Introductory home visit with the referrer' }) nameEn!: string;
}

export class CareStepListResponse {
  @ApiProperty({ type: [CareStepResponse], description: 'In the order of the care continuum' }) items!: CareStepResponse[];
}
