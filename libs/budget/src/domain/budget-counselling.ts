/**
 * The OCMW's budget counselling (budgetbegeleiding): guidance, where the tenant keeps managing the
 * money with help, or management (budgetbeheer), where the OCMW manages income and payments.
 */
export const BUDGET_COUNSELLING_KINDS = ['budget_guidance', 'budget_management'] as const;
export type BudgetCounsellingKind = (typeof BUDGET_COUNSELLING_KINDS)[number];

/** A financial referral waits for the OCMW's answer, then is accepted or declined with a reason. */
export const FINANCIAL_REFERRAL_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type FinancialReferralStatus = (typeof FINANCIAL_REFERRAL_STATUSES)[number];

/** Text limits, the same in the DTOs and (where it has them) the database. */
export const BUDGET_TEXT_LIMITS = {
  motivation: 4000,
  declineReason: 2000,
  purpose: 1000,
  repaymentTerms: 2000,
} as const;

export interface FieldProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/**
 * A date the OCMW records (guidance started, cost advanced): not in the future, and for the start
 * of guidance not before the worker referred.
 */
export function checkRecordedDate(field: string, date: string, today: string, notBefore?: string): FieldProblem[] {
  if (date > today) return [{ field, code: 'DATE_IN_FUTURE', message: `${field} must not be in the future` }];
  if (notBefore && date < notBefore) return [{ field, code: 'BEFORE_REFERRAL', message: `${field} must not be before the referral (${notBefore})` }];
  return [];
}

/** Free text that must say something: blank (only spaces) is refused as missing. */
export function checkText(field: string, value: string): FieldProblem[] {
  return value.trim() === '' ? [{ field, code: 'REQUIRED', message: `${field} must not be blank` }] : [];
}
