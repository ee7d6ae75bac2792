import type { CaseOutcome, CaseState, HandlingStatus } from '../domain/case-state';

/** A case as the outreach side lists it (coordinator: metadata only; worker: own caseload). */
export interface CaseSummary {
  readonly id: string;
  readonly reference: string;
  readonly state: CaseState;
  readonly tenantName: string;
  readonly address: string;
  readonly municipality: string;
  readonly assignedWorkerId: string | null;
  readonly startedOn: string | null;
  readonly closedOn: string | null;
  readonly outcome: CaseOutcome | null;
  readonly legalBasis: string | null;
  readonly nextReviewOn: string | null;
  /** Optimistic lock: a change names the version it was made on. */
  readonly version: number;
  readonly currentStep: string | null;
  readonly aftercareEndsOn: string | null;
  readonly lastContactOn: string | null;
  readonly handover: string | null;
  readonly reopenedFrom: string | null;
  readonly createdAt: string;
}

/** What a referrer learns about the case behind its referral: the handling status, nothing else. */
export interface CaseHandling {
  readonly caseId: string;
  readonly state: CaseState;
  readonly status: HandlingStatus;
  readonly startedOn: string | null;
  readonly closedOn: string | null;
  readonly outcome: CaseOutcome | null;
  readonly declineReason: string | null;
  readonly assignedWorkerId: string | null;
  readonly nextReviewOn: string | null;
}
