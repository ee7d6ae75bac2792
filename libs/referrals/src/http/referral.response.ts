import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { CASE_OUTCOMES, PROCEDURE_EVENT_KINDS } from '@woonbrug/cases';
import { FACT_CATEGORIES } from '@woonbrug/policies';
import { REFERRAL_REASONS } from '../domain/referral-reason';

const UUID_EXAMPLE = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const HANDLING_STATUSES = ['pending', 'handled', 'attention', 'declined', 'closed'];

/** A step of the eviction procedure as the landlord recorded it (`ProcedureEventView`). */
export class ProcedureEventResponse {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) id!: string;
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) caseId!: string;
  @ApiProperty({ enum: PROCEDURE_EVENT_KINDS, example: 'hearing_scheduled' }) kind!: string;
  @ApiProperty({ format: 'date', example: '2026-12-10' }) eventDate!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Zitting verplaatst op vraag van de huurder.' }) note!: string | null;
  @ApiProperty({ example: 'GMH Waasland' }) organisationName!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T10:00:00.000Z' }) recordedAt!: string;
}

export class ProcedureEventListResponse {
  @ApiProperty({ type: [ProcedureEventResponse], description: 'In date order' }) items!: ProcedureEventResponse[];
}

export class ReferralLandlordResponse {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) id!: string;
  @ApiProperty({ example: 'GMH Waasland' }) name!: string;
}

export class WorkerContactResponse {
  @ApiProperty({ example: 'Sofie Bemoeizorger' }) name!: string;
  @ApiProperty({ nullable: true, type: String, example: '0470 00 00 02' }) phone!: string | null;
  @ApiProperty({ format: 'email', example: 'worker@woonbrug.example' }) email!: string;
}

export class ReferralHandlingResponse {
  @ApiProperty({ enum: HANDLING_STATUSES, example: 'handled' }) status!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: '2026-10-20' }) startedOn!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: null }) closedOn!: string | null;
  @ApiProperty({ enum: CASE_OUTCOMES, nullable: true, example: null }) outcome!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) declineReason!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: '2026-12-15' }) nextReviewOn!: string | null;
  @ApiProperty({ type: WorkerContactResponse, nullable: true, description: 'Who handles the case' }) workerContact!: WorkerContactResponse | null;
}

/** A fact the worker disclosed to the caller's organisation (only the fields a partner may see). */
export class DisclosedFactResponse {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) id!: string;
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) caseId!: string;
  @ApiProperty({ enum: FACT_CATEGORIES, example: 'housing' }) category!: string;
  @ApiProperty({ example: 'Woning opgeruimd; keuken en badkamer proper.' }) body!: string;
  @ApiProperty({ format: 'date', example: '2026-11-20' }) occurredOn!: string;
}

export class BudgetGuidanceResponse {
  @ApiProperty({ example: true }) inPlace!: boolean;
  @ApiProperty({ format: 'date', example: '2026-12-01' }) since!: string;
}

/** A referral as its own referrer sees it (`ReferralView`): what it submitted and the handling status. */
export class ReferralResponse {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) id!: string;
  @ApiProperty({ example: 'Jan Voorbeeld' }) tenantName!: string;
  @ApiProperty({ example: 'Demostraat 1' }) address!: string;
  @ApiProperty({ example: 'Beveren' }) municipality!: string;
  @ApiProperty({ type: ReferralLandlordResponse }) landlord!: ReferralLandlordResponse;
  @ApiProperty({ enum: REFERRAL_REASONS, example: 'lease_termination_neglect' }) reason!: string;
  @ApiProperty({ format: 'date', example: '2026-09-15' }) noticeDate!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: null }) claimFiledOn!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: '2026-12-10' }) hearingDate!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: null }) evictionDate!: string | null;
  @ApiProperty({ example: 'An Verhuur' }) referrerContactName!: string;
  @ApiProperty({ nullable: true, type: String, example: '03 750 12 34' }) referrerContactPhone!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'an.verhuur@gmh.example' }) referrerContactEmail!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Woning sterk vervuild; huurder reageert niet op brieven.' }) context!: string | null;
  @ApiProperty({ example: true }) tenantInformed!: boolean;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T10:00:00.000Z' }) submittedAt!: string;
  @ApiProperty({ type: ReferralHandlingResponse }) handling!: ReferralHandlingResponse;
  @ApiPropertyOptional({ type: [DisclosedFactResponse], description: 'Detail only: facts disclosed to this organisation under consent' }) facts?: DisclosedFactResponse[];
  @ApiPropertyOptional({ type: BudgetGuidanceResponse, nullable: true, description: 'Detail only, landlord: budget guidance in place (with consent); never amounts' })
  budgetGuidance?: BudgetGuidanceResponse | null;
  @ApiPropertyOptional({ type: [ProcedureEventResponse], description: 'Detail only, landlord of the case: the eviction procedure' }) procedure?: ProcedureEventResponse[];
  @ApiPropertyOptional({ example: true, description: 'Detail only: the caller may record a step of the procedure now' }) mayRecordProcedure?: boolean;
}

/** A referral as the outreach side reads it: what the referrer submitted, and who referred. */
export class SubmittedReferralResponse extends OmitType(ReferralResponse, ['handling', 'facts', 'budgetGuidance', 'procedure', 'mayRecordProcedure'] as const) {
  @ApiProperty({ example: 'GMH Waasland' }) referrerOrganisationName!: string;
}

export class ReferralPageResponse {
  @ApiProperty({ type: [ReferralResponse], description: 'Newest first' }) items!: ReferralResponse[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Pass as `before` for the next page; null: no more' }) next!: string | null;
}

export class ReferralOptionsResponse {
  @ApiProperty({ type: [String], example: ['Beveren', 'Kruibeke', 'Temse'] }) municipalities!: string[];
  @ApiProperty({ type: [ReferralLandlordResponse] }) landlords!: ReferralLandlordResponse[];
}
