import type { FactCategory } from './app-ability';

/**
 * What one partner organisation may read of one case right now: the categories and single facts
 * that the worker disclosed and an active consent covers, on a case that is not closed. Computed
 * from the database per request (consent withdrawal takes effect on the very next request).
 */
export interface PartnerGrant {
  readonly caseId: string;
  readonly categories: readonly FactCategory[];
  readonly factIds: readonly string[];
}

/** What the policy needs to know about a partner organisation beyond the user. */
export interface PartnerContext {
  readonly grants: readonly PartnerGrant[];
  /** Cases this organisation referred: their `status` facts are its own to see, always. */
  readonly referredCaseIds: readonly string[];
  /** Open cases where this organisation is the landlord of a referral: it records its procedure there. */
  readonly landlordCaseIds: readonly string[];
}

export const NO_PARTNER_CONTEXT: PartnerContext = { grants: [], referredCaseIds: [], landlordCaseIds: [] };
