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
