/**
 * The tenant's overview (GDPR art. 15) as data: what is stored about the tenant in one case, the
 * consents and their withdrawals, what was disclosed to whom, and which partner organisation
 * looked at what and when. Times are ISO instants, days `YYYY-MM-DD`; codes (states, categories,
 * kinds) stay codes here — the printable document puts them in plain words.
 *
 * Private notes have no place in it at all: not their text, not their number, not that there
 * are any. The document says, in a fixed sentence, that the worker's working notes fall under
 * professional secrecy and are not part of the overview.
 */
export interface TenantOverview {
  /** When the overview was made (the Clock's now). */
  readonly generatedAt: string;
  /** Who made it: the assigned worker and their organisation. */
  readonly madeBy: { readonly name: string; readonly organisation: string | null };
  readonly case: OverviewCase;
  /** The steps of the care continuum the guidance went through, oldest first. */
  readonly steps: readonly OverviewStep[];
  readonly referrals: readonly OverviewReferral[];
  /** Facts in their categories (DESIGN.md §3), oldest first. */
  readonly facts: readonly OverviewFact[];
  /** The eviction procedure as the landlord recorded it, in date order. */
  readonly procedure: readonly OverviewProcedureEvent[];
  readonly budgetReferrals: readonly OverviewBudgetReferral[];
  /** Every consent the worker recorded, newest first, withdrawn and expired ones included. */
  readonly consents: readonly OverviewConsent[];
  /** The withdrawals, oldest first. */
  readonly withdrawals: readonly OverviewWithdrawal[];
  /** Every disclosure, revoked ones included, oldest first. */
  readonly disclosures: readonly OverviewDisclosure[];
  /** Reads and lists of the case by partner organisations that went through, oldest first. */
  readonly partnerAccess: readonly OverviewAccess[];
  /** Attempts of partner organisations that were refused, oldest first. */
  readonly deniedAttempts: readonly OverviewAccess[];
}

export interface OverviewCase {
  readonly reference: string;
  readonly tenantName: string;
  readonly address: string;
  readonly municipality: string;
  /** `referred`, `declined`, `active`, `aftercare` or `closed`. */
  readonly state: string;
  /** Set once closed: `favourable`, `evicted`, `left_voluntarily`, `refused_help` or `other`. */
  readonly outcome: string | null;
  /** The basis of the guidance itself (not of sharing): `voluntary`, `court_imposed`, `agreed_with_landlord`. */
  readonly legalBasis: string | null;
  readonly referredAt: string;
  readonly startedOn: string | null;
  readonly currentStep: string | null;
  readonly nextReviewOn: string | null;
  readonly lastContactOn: string | null;
  readonly aftercareEndsOn: string | null;
  readonly closedOn: string | null;
  /** To whom the guidance was handed over at the end. */
  readonly handover: string | null;
  readonly worker: { readonly name: string; readonly phone: string | null; readonly email: string } | null;
}

export interface OverviewStep {
  readonly step: string;
  readonly enteredOn: string;
}

export interface OverviewReferral {
  readonly organisation: string;
  readonly submittedAt: string;
  readonly reason: string;
  /** What the referrer wrote about the situation. */
  readonly context: string | null;
  readonly landlord: string;
  readonly noticeDate: string;
  readonly claimFiledOn: string | null;
  readonly hearingDate: string | null;
  readonly evictionDate: string | null;
  readonly tenantInformed: boolean;
}

export interface OverviewFact {
  readonly category: string;
  readonly occurredOn: string;
  readonly text: string;
}

export interface OverviewProcedureEvent {
  readonly kind: string;
  readonly eventDate: string;
  readonly organisation: string;
  readonly note: string | null;
}

export interface OverviewBudgetReferral {
  readonly ocmw: string;
  readonly kind: string;
  readonly status: string;
  readonly motivation: string;
  readonly referredAt: string;
  readonly answeredAt: string | null;
  readonly declineReason: string | null;
  readonly guidanceStartedOn: string | null;
  readonly costAdvances: ReadonlyArray<{ readonly amount: string; readonly purpose: string; readonly advancedOn: string; readonly repaymentTerms: string }>;
}

export interface OverviewConsent {
  readonly organisation: string;
  readonly categories: readonly string[];
  readonly purpose: string;
  /** `written` or `oral`. */
  readonly givenHow: string;
  readonly givenOn: string;
  readonly expiresOn: string;
  readonly recordedAt: string;
  readonly withdrawnAt: string | null;
  /** `active`, `withdrawn`, `expired` or `not_yet_valid`, today. */
  readonly state: string;
  readonly signedFormKept: boolean;
}

export interface OverviewWithdrawal {
  readonly organisation: string;
  readonly categories: readonly string[];
  readonly purpose: string;
  readonly withdrawnAt: string;
}

export interface OverviewDisclosure {
  readonly organisation: string;
  /** A whole category, or else one fact (below). */
  readonly category: string | null;
  readonly fact: OverviewFact | null;
  readonly disclosedAt: string;
  readonly revokedAt: string | null;
}

/** One access by a partner organisation, as the disclosure log recorded it (names, never values). */
export interface OverviewAccess {
  readonly occurredAt: string;
  readonly organisation: string | null;
  /** `landlord_agent` or `ocmw_agent`. */
  readonly role: string | null;
  /** `read` (opened) or `list` (the case was shown in a list). */
  readonly action: string;
  /** What was opened: `referral`, `financial_referral`, `fact`. */
  readonly subject: string | null;
  readonly categories: readonly string[];
  /** Names of the fields shown. */
  readonly fields: readonly string[];
}
