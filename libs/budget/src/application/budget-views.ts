import type { BudgetCounsellingKind, FinancialReferralStatus } from '../domain/budget-counselling';

/** A cost the OCMW advanced: the amount in cents and as the pages write it ("€ 125,50"). */
export interface CostAdvanceView {
  readonly id: string;
  readonly amountCents: number;
  readonly amountFormatted: string;
  readonly purpose: string;
  readonly advancedOn: string;
  readonly repaymentTerms: string;
  readonly recordedAt: string;
}

/**
 * A financial referral as the OCMW it is addressed to and the case's worker see it. Of the case,
 * only who and where the tenant is and who the worker is: no facts, no case id or reference.
 */
export interface FinancialReferralView {
  readonly id: string;
  readonly kind: BudgetCounsellingKind;
  readonly motivation: string;
  readonly status: FinancialReferralStatus;
  readonly declineReason: string | null;
  /** Set once the OCMW reports that guidance started. */
  readonly guidance: { readonly startedOn: string; readonly kind: BudgetCounsellingKind } | null;
  readonly referredAt: string;
  readonly answeredAt: string | null;
  /** Optimistic locking: send it back with accept, decline and guidance-started. */
  readonly version: number;
  readonly ocmw: { readonly id: string; readonly name: string };
  readonly tenant: { readonly name: string; readonly address: string; readonly municipality: string };
  readonly worker: { readonly name: string; readonly phone: string | null; readonly email: string } | null;
  readonly costAdvances: readonly CostAdvanceView[];
}

/** What the worker's referral form needs to know before it is sent. */
export interface ReferralOptions {
  /** The OCMW of the tenant's municipality, if one is registered. */
  readonly ocmw: { readonly id: string; readonly name: string } | null;
  /** An active consent of the tenant covers `financial` for that OCMW today. */
  readonly financialConsent: boolean;
  /** A referral to that OCMW is pending or accepted already. */
  readonly openReferral: boolean;
  /** The case is active or in aftercare. */
  readonly caseInGuidance: boolean;
}

/** What the landlord may learn: that budget guidance is in place, and since when. Never amounts. */
export interface LandlordBudgetGuidance {
  readonly inPlace: true;
  readonly since: string;
}

export interface ReferInput {
  readonly kind: BudgetCounsellingKind;
  readonly motivation: string;
}

export interface CostAdvanceInput {
  readonly amountCents: number;
  readonly purpose: string;
  readonly advancedOn: string;
  readonly repaymentTerms: string;
}
