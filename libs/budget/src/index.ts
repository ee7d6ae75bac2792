/**
 * Budget counselling (budgetbegeleiding): the worker's financial referral to the OCMW of the
 * tenant's municipality under the tenant's consent, the OCMW's answers and cost advances, and the
 * one thing a landlord may learn of it (guidance is in place, with consent; never amounts).
 */

/** Nest module providing {@link BudgetService}. */
export { BudgetModule } from './budget.module';

/** Use cases: refer, the OCMW's inbox and answers, the worker's list, the landlord's one bit. */
export { BudgetService } from './application/budget.service';

/** What the use cases take and return: view objects, never rows. */
export type { CostAdvanceInput, CostAdvanceView, FinancialReferralView, LandlordBudgetGuidance, ReferInput, ReferralOptions } from './application/budget-views';

/** Kinds of counselling, statuses, and the text limits the DTOs share with the database. */
export { BUDGET_COUNSELLING_KINDS, BUDGET_TEXT_LIMITS, FINANCIAL_REFERRAL_STATUSES } from './domain/budget-counselling';
export type { BudgetCounsellingKind, FinancialReferralStatus } from './domain/budget-counselling';

/** Euro amounts: parsed from "125.50" into whole cents, shown as "€ 125,50". */
export { EURO_AMOUNT_PATTERN, MAX_COST_ADVANCE_CENTS, costAdvanceAmountProblem, formatEuro, parseEuroAmount } from './domain/euro-amount';

/** Stable error codes: NO_FINANCIAL_CONSENT, FINANCIAL_REFERRAL_EXISTS, STALE_VERSION, … */
export {
  CaseNotInGuidanceError,
  FinancialReferralExistsError,
  FinancialReferralNotAcceptedError,
  FinancialReferralNotPendingError,
  NoFinancialConsentError,
  NoOcmwForMunicipalityError,
  StaleVersionError,
} from './domain/budget.errors';

/** Page pieces both portals show: the status in words and colour, the cost advances with amounts. */
export { FinancialReferralStatusBadge } from './http/views/financial-referral-status';
export { CostAdvanceTable } from './http/views/cost-advance-table';

/** OpenAPI response shapes of the financial referral views, for both portals' controllers. */
export { CostAdvanceResponse, FinancialReferralListResponse, FinancialReferralResponse } from './http/financial-referral.response';
