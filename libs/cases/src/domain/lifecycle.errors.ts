import { DomainError } from '@woonbrug/kernel';

export class StaleVersionError extends DomainError {
  constructor() {
    super('STALE_VERSION', 'conflict', 'Someone else changed this case in the meantime; reload it and try again');
  }
}

export class AftercareTooLongError extends DomainError {
  constructor(latest: string) {
    super('AFTERCARE_TOO_LONG', 'invalid', `Aftercare lasts at most 3 months: end it on ${latest} at the latest`, [
      { field: 'endsOn', code: 'AFTERCARE_TOO_LONG', message: `at most 3 months, until ${latest}` },
    ]);
  }
}

export class InvalidTransitionError extends DomainError {
  constructor(code: string, message: string) {
    super(code, 'conflict', message);
  }
}
