import { DomainError } from '@woonbrug/kernel';
import type { FieldProblem } from './budget-counselling';

/** The worker may refer only with an active consent of the tenant that covers `financial` for that OCMW. */
export class NoFinancialConsentError extends DomainError {
  constructor(ocmwName: string) {
    super('NO_FINANCIAL_CONSENT', 'invalid', `No active consent of the tenant covers financial information for ${ocmwName}`, [
      { field: 'consent', code: 'NO_FINANCIAL_CONSENT', message: `no active consent covers financial for ${ocmwName}` },
    ]);
  }
}

export class FinancialReferralExistsError extends DomainError {
  constructor() {
    super('FINANCIAL_REFERRAL_EXISTS', 'conflict', 'A referral to this OCMW is already pending or accepted');
  }
}

/** The record changed since the caller loaded it (optimistic locking): nothing was written. */
export class StaleVersionError extends DomainError {
  constructor() {
    super('STALE_VERSION', 'conflict', 'Someone else changed this referral in the meantime; reload it and try again');
  }
}

export class FinancialReferralNotPendingError extends DomainError {
  constructor() {
    super('FINANCIAL_REFERRAL_NOT_PENDING', 'conflict', 'This referral has already been answered');
  }
}

export class FinancialReferralNotAcceptedError extends DomainError {
  constructor() {
    super('FINANCIAL_REFERRAL_NOT_ACCEPTED', 'conflict', 'Guidance and cost advances are recorded on an accepted referral only');
  }
}

/** Financial referrals are made while the case is being worked (active or in aftercare). */
export class CaseNotInGuidanceError extends DomainError {
  constructor() {
    super('CASE_NOT_OPEN', 'conflict', 'The case is not active or in aftercare');
  }
}

export class NoOcmwForMunicipalityError extends DomainError {
  constructor(municipality: string) {
    super('NO_OCMW_FOR_MUNICIPALITY', 'conflict', `No OCMW is registered for ${municipality}`);
  }
}

export class InvalidBudgetInputError extends DomainError {
  constructor(problems: readonly FieldProblem[]) {
    super('VALIDATION_FAILED', 'invalid', 'Some fields are invalid', problems);
  }
}
