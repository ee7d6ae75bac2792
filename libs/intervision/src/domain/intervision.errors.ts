import { DomainError } from '@woonbrug/kernel';
import type { FieldProblem } from './intervision';

/** The summary changed since the caller loaded it (optimistic locking): nothing was written. */
export class IntervisionStaleVersionError extends DomainError {
  constructor() {
    super('STALE_VERSION', 'conflict', 'The summary was changed in the meantime; reload it and try again');
  }
}

export class IntervisionAlreadySharedError extends DomainError {
  constructor() {
    super('INTERVISION_ALREADY_SHARED', 'conflict', 'The summary is shared already');
  }
}

/** Peers answer once the summary is shared; a draft has no thread. */
export class IntervisionNotSharedError extends DomainError {
  constructor() {
    super('INTERVISION_NOT_SHARED', 'conflict', 'The summary is not shared yet');
  }
}

export class InvalidIntervisionInputError extends DomainError {
  constructor(problems: readonly FieldProblem[]) {
    super('VALIDATION_FAILED', 'invalid', 'Some fields are invalid', problems);
  }
}
