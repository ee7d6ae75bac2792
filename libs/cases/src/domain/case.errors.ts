import { DomainError } from '@woonbrug/kernel';

export class CaseNotPendingError extends DomainError {
  constructor() {
    super('REFERRAL_NOT_PENDING', 'conflict', 'The referral has already been accepted, declined or attached');
  }
}

export class CaseNotOpenError extends DomainError {
  constructor() {
    super('CASE_NOT_OPEN', 'conflict', 'The case is not open');
  }
}

export class NotAWorkerError extends DomainError {
  constructor() {
    super('NOT_A_WORKER', 'invalid', 'The assigned user must be an active outreach worker of the organisation', [
      { field: 'workerId', code: 'NOT_A_WORKER', message: 'not an outreach worker of this organisation' },
    ]);
  }
}
