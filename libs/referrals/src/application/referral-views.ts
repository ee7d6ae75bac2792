import type { CaseOutcome, CaseSummary, FactView, HandlingStatus, ProcedureEventView } from '@woonbrug/cases';
import type { ReferralReason } from '../domain/referral-reason';

/** A referral as its own referrer sees it: what it submitted and the handling status. */
export interface ReferralView {
  readonly id: string;
  readonly tenantName: string;
  readonly address: string;
  readonly municipality: string;
  readonly landlord: { readonly id: string; readonly name: string };
  readonly reason: ReferralReason;
  readonly noticeDate: string;
  readonly claimFiledOn: string | null;
  readonly hearingDate: string | null;
  readonly evictionDate: string | null;
  readonly referrerContactName: string;
  readonly referrerContactPhone: string | null;
  readonly referrerContactEmail: string | null;
  readonly context: string | null;
  readonly tenantInformed: boolean;
  readonly submittedAt: string;
  readonly handling: {
    readonly status: HandlingStatus;
    readonly startedOn: string | null;
    readonly closedOn: string | null;
    readonly outcome: CaseOutcome | null;
    readonly declineReason: string | null;
    /** Date of the next review of the case, if the worker set one. */
    readonly nextReviewOn: string | null;
    /** Who handles the case (the minimum a referrer needs: DESIGN.md §3, status). */
    readonly workerContact: { readonly name: string; readonly phone: string | null; readonly email: string } | null;
  };
  /** Facts the worker disclosed to this organisation under the tenant's consent (detail only). */
  readonly facts?: readonly FactView[];
  /**
   * For a landlord: that budget guidance by the OCMW is in place — only when the tenant consented
   * to share `financial` with this landlord; never amounts (detail only).
   */
  readonly budgetGuidance?: { readonly inPlace: true; readonly since: string } | null;
  /** The eviction procedure, for the landlord of the case (detail only). */
  readonly procedure?: readonly ProcedureEventView[];
  /** Whether the caller may record a step of the procedure now: the landlord of an open case (detail only). */
  readonly mayRecordProcedure?: boolean;
}

/** One page of a referrer's list, newest first; `next` continues after its last item (null: no more). */
export interface ReferralPage {
  readonly items: readonly ReferralView[];
  readonly next: string | null;
}

/** A referral as the coordinator triages it: who referred, and whether it looks eligible. */
export interface IncomingReferral {
  readonly caseId: string;
  readonly caseReference: string;
  readonly referral: Omit<ReferralView, 'handling'> & { readonly referrerOrganisationName: string };
  readonly probablyIneligible: boolean;
  /** Open cases of the same household: attach instead of opening a second case. */
  readonly openCasesOfHousehold: readonly CaseSummary[];
}
