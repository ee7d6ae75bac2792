import { ApiProperty } from '@nestjs/swagger';
import { BUDGET_COUNSELLING_KINDS, FINANCIAL_REFERRAL_STATUSES } from '@woonbrug/budget';
import { CASE_OUTCOMES, CASE_STATES, PROCEDURE_EVENT_KINDS } from '@woonbrug/cases';
import { LEGAL_BASES } from '@woonbrug/consent';
import { FACT_CATEGORIES } from '@woonbrug/policies';
import { REFERRAL_REASONS } from '@woonbrug/referrals';
import type {
  OverviewAccess,
  OverviewBudgetReferral,
  OverviewCase,
  OverviewConsent,
  OverviewDisclosure,
  OverviewFact,
  OverviewProcedureEvent,
  OverviewReferral,
  OverviewStep,
  OverviewWithdrawal,
  TenantOverview,
} from '@woonbrug/tenant-overview';

/*
 * OpenAPI description of the tenant's overview as JSON (`TenantOverview`): codes stay codes, days
 * are `YYYY-MM-DD`, moments ISO instants. Each class implements its domain interface, so that a
 * field added there and not here fails the type-check.
 */

export class OverviewMadeByResponse {
  @ApiProperty({ example: 'Sofie Bemoeizorger' }) name!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Bemoeizorg Waasland' }) organisation!: string | null;
}

export class OverviewWorkerResponse {
  @ApiProperty({ example: 'Sofie Bemoeizorger' }) name!: string;
  @ApiProperty({ nullable: true, type: String, example: '0470 00 00 02' }) phone!: string | null;
  @ApiProperty({ format: 'email', example: 'worker@woonbrug.example' }) email!: string;
}

export class OverviewCaseResponse implements OverviewCase {
  @ApiProperty({ example: '2026-0042', description: 'The case number' }) reference!: string;
  @ApiProperty({ example: 'Jan Voorbeeld' }) tenantName!: string;
  @ApiProperty({ example: 'Demostraat 1' }) address!: string;
  @ApiProperty({ example: 'Beveren' }) municipality!: string;
  @ApiProperty({ enum: CASE_STATES, example: 'active' }) state!: string;
  @ApiProperty({ enum: CASE_OUTCOMES, nullable: true, example: null, description: 'Set once closed' }) outcome!: string | null;
  @ApiProperty({ enum: LEGAL_BASES, nullable: true, example: 'voluntary', description: 'The basis of the guidance itself (not of sharing)' }) legalBasis!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-10-15T09:30:00.000Z' }) referredAt!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: '2026-10-20' }) startedOn!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'guidance', description: 'A key of GET /api/care-steps' }) currentStep!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: '2026-12-15' }) nextReviewOn!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: '2026-11-13' }) lastContactOn!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: null }) aftercareEndsOn!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: null }) closedOn!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'To whom the guidance was handed over at the end' }) handover!: string | null;
  @ApiProperty({ type: OverviewWorkerResponse, nullable: true, description: 'The assigned worker; null while none is assigned' }) worker!: OverviewWorkerResponse | null;
}

export class OverviewStepResponse implements OverviewStep {
  @ApiProperty({ example: 'guidance', description: 'A key of GET /api/care-steps' }) step!: string;
  @ApiProperty({ format: 'date', example: '2026-10-20' }) enteredOn!: string;
}

export class OverviewReferralResponse implements OverviewReferral {
  @ApiProperty({ example: 'GMH Waasland', description: 'The referring organisation' }) organisation!: string;
  @ApiProperty({ format: 'date-time', example: '2026-10-15T09:30:00.000Z' }) submittedAt!: string;
  @ApiProperty({ enum: REFERRAL_REASONS, example: 'lease_termination_neglect' }) reason!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Woning sterk vervuild; huurder reageert niet op brieven.', description: 'What the referrer wrote about the situation' })
  context!: string | null;
  @ApiProperty({ example: 'GMH Waasland' }) landlord!: string;
  @ApiProperty({ format: 'date', example: '2026-09-15' }) noticeDate!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: null }) claimFiledOn!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: '2026-12-10' }) hearingDate!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: null }) evictionDate!: string | null;
  @ApiProperty({ example: true }) tenantInformed!: boolean;
}

export class OverviewFactResponse implements OverviewFact {
  @ApiProperty({ enum: FACT_CATEGORIES, example: 'housing' }) category!: string;
  @ApiProperty({ format: 'date', example: '2026-11-20' }) occurredOn!: string;
  @ApiProperty({ example: 'Woning opgeruimd; keuken en badkamer proper.' }) text!: string;
}

export class OverviewProcedureEventResponse implements OverviewProcedureEvent {
  @ApiProperty({ enum: PROCEDURE_EVENT_KINDS, example: 'hearing_scheduled' }) kind!: string;
  @ApiProperty({ format: 'date', example: '2026-12-10' }) eventDate!: string;
  @ApiProperty({ example: 'GMH Waasland', description: 'The landlord that recorded it' }) organisation!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Zitting verplaatst op vraag van de huurder.' }) note!: string | null;
}

export class OverviewCostAdvanceResponse {
  @ApiProperty({ example: '€ 250,00', description: 'Formatted in euro, Belgian style' }) amount!: string;
  @ApiProperty({ example: 'Achterstallige huur november' }) purpose!: string;
  @ApiProperty({ format: 'date', example: '2026-11-25' }) advancedOn!: string;
  @ApiProperty({ example: '25 euro per maand vanaf januari' }) repaymentTerms!: string;
}

export class OverviewBudgetReferralResponse implements OverviewBudgetReferral {
  @ApiProperty({ example: 'OCMW Beveren' }) ocmw!: string;
  @ApiProperty({ enum: BUDGET_COUNSELLING_KINDS, example: 'budget_guidance' }) kind!: string;
  @ApiProperty({ enum: FINANCIAL_REFERRAL_STATUSES, example: 'accepted' }) status!: string;
  @ApiProperty({ example: 'Huurachterstand van drie maanden; inkomen onregelmatig.' }) motivation!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T10:00:00.000Z' }) referredAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-11-22T14:00:00.000Z' }) answeredAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) declineReason!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: '2026-12-01' }) guidanceStartedOn!: string | null;
  @ApiProperty({ type: [OverviewCostAdvanceResponse] }) costAdvances!: OverviewCostAdvanceResponse[];
}

export class OverviewConsentResponse implements OverviewConsent {
  @ApiProperty({ example: 'OCMW Beveren' }) organisation!: string;
  @ApiProperty({ enum: FACT_CATEGORIES, isArray: true, example: ['housing', 'status'] }) categories!: string[];
  @ApiProperty({ example: 'Opvolging van de huuropzeg' }) purpose!: string;
  @ApiProperty({ enum: ['written', 'oral'], example: 'written' }) givenHow!: string;
  @ApiProperty({ format: 'date', example: '2026-11-20' }) givenOn!: string;
  @ApiProperty({ format: 'date', example: '2027-11-20' }) expiresOn!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T10:00:00.000Z' }) recordedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null }) withdrawnAt!: string | null;
  @ApiProperty({ enum: ['active', 'withdrawn', 'expired', 'not_yet_valid'], example: 'active', description: 'Today' }) state!: string;
  @ApiProperty({ example: true, description: 'A signed consent form is kept' }) signedFormKept!: boolean;
}

export class OverviewWithdrawalResponse implements OverviewWithdrawal {
  @ApiProperty({ example: 'OCMW Beveren' }) organisation!: string;
  @ApiProperty({ enum: FACT_CATEGORIES, isArray: true, example: ['financial'] }) categories!: string[];
  @ApiProperty({ example: 'Aanvraag budgetbegeleiding' }) purpose!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-28T09:00:00.000Z' }) withdrawnAt!: string;
}

export class OverviewDisclosureResponse implements OverviewDisclosure {
  @ApiProperty({ example: 'GMH Waasland' }) organisation!: string;
  @ApiProperty({ enum: FACT_CATEGORIES, nullable: true, example: 'housing', description: 'A whole category; null when one fact was disclosed' }) category!: string | null;
  @ApiProperty({ type: OverviewFactResponse, nullable: true, description: 'The one fact disclosed; null for a whole category' }) fact!: OverviewFactResponse | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T10:05:00.000Z' }) disclosedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null }) revokedAt!: string | null;
}

/** One access by a partner organisation, as the disclosure log recorded it: field names, never values. */
export class OverviewAccessResponse implements OverviewAccess {
  @ApiProperty({ format: 'date-time', example: '2026-11-21T08:15:00.000Z' }) occurredAt!: string;
  @ApiProperty({ nullable: true, type: String, example: 'GMH Waasland' }) organisation!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'landlord_agent', description: '`landlord_agent` or `ocmw_agent`' }) role!: string | null;
  @ApiProperty({ example: 'read', description: '`read` (opened) or `list` (the case was shown in a list)' }) action!: string;
  @ApiProperty({ nullable: true, type: String, example: 'referral', description: 'What was opened: `referral`, `financial_referral`, `fact`' }) subject!: string | null;
  @ApiProperty({ enum: FACT_CATEGORIES, isArray: true, example: ['housing'] }) categories!: string[];
  @ApiProperty({ type: [String], example: ['tenantName', 'address', 'handling.status'], description: 'Names of the fields shown' }) fields!: string[];
}

/** The tenant's overview (GDPR art. 15) of one case. Private notes are never part of it. */
export class TenantOverviewResponse implements TenantOverview {
  @ApiProperty({ format: 'date-time', example: '2026-12-01T10:00:00.000Z' }) generatedAt!: string;
  @ApiProperty({ type: OverviewMadeByResponse, description: 'The assigned worker who made it, and their organisation' }) madeBy!: OverviewMadeByResponse;
  @ApiProperty({ type: OverviewCaseResponse }) case!: OverviewCaseResponse;
  @ApiProperty({ type: [OverviewStepResponse], description: 'The steps of the care continuum, oldest first' }) steps!: OverviewStepResponse[];
  @ApiProperty({ type: [OverviewReferralResponse] }) referrals!: OverviewReferralResponse[];
  @ApiProperty({ type: [OverviewFactResponse], description: 'Oldest first' }) facts!: OverviewFactResponse[];
  @ApiProperty({ type: [OverviewProcedureEventResponse], description: 'The eviction procedure as the landlord recorded it, in date order' }) procedure!: OverviewProcedureEventResponse[];
  @ApiProperty({ type: [OverviewBudgetReferralResponse] }) budgetReferrals!: OverviewBudgetReferralResponse[];
  @ApiProperty({ type: [OverviewConsentResponse], description: 'Every consent, newest first, withdrawn and expired ones included' }) consents!: OverviewConsentResponse[];
  @ApiProperty({ type: [OverviewWithdrawalResponse], description: 'Oldest first' }) withdrawals!: OverviewWithdrawalResponse[];
  @ApiProperty({ type: [OverviewDisclosureResponse], description: 'Every disclosure, revoked ones included, oldest first' }) disclosures!: OverviewDisclosureResponse[];
  @ApiProperty({ type: [OverviewAccessResponse], description: 'Reads and lists of the case by partner organisations that went through, oldest first' })
  partnerAccess!: OverviewAccessResponse[];
  @ApiProperty({ type: [OverviewAccessResponse], description: 'Attempts of partner organisations that were refused, oldest first' }) deniedAttempts!: OverviewAccessResponse[];
}
