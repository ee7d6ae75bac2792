import { DomainError } from '@woonbrug/kernel';

export class BeyondConsentError extends DomainError {
  constructor(category: string) {
    super('BEYOND_CONSENT', 'invalid', `No active consent of the tenant covers ${category} for this organisation`, [
      { field: 'category', code: 'BEYOND_CONSENT', message: `no active consent covers ${category}` },
    ]);
  }
}

export class ConfirmationRequiredError extends DomainError {
  constructor(which: 'warning' | 'shared_secrecy') {
    const field = which === 'warning' ? 'confirmWarning' : 'confirmSharedSecrecy';
    super('CONFIRMATION_REQUIRED', 'invalid', `Disclosing this requires ${field}`, [{ field, code: 'CONFIRMATION_REQUIRED', message: `${field} must be true` }]);
  }
}

export class NotAPartnerError extends DomainError {
  constructor() {
    super('NOT_A_PARTNER', 'invalid', 'Consent and disclosure are given to a landlord or an OCMW', [
      { field: 'organisationId', code: 'NOT_A_PARTNER', message: 'not a landlord or OCMW' },
    ]);
  }
}
