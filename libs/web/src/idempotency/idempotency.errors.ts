import { DomainError, type DomainErrorKind } from '@woonbrug/kernel';

/**
 * A refusal of the Idempotency-Key protocol. Unlike domain errors these are HTTP through and
 * through (the IETF draft names the statuses), so they carry their status; the one problem-details
 * filter reads it.
 */
export class IdempotencyError extends DomainError {
  constructor(
    code: string,
    kind: DomainErrorKind,
    readonly status: number,
    message: string,
  ) {
    super(code, kind, message);
  }
}

/** The header is empty, longer than 255 characters, or not printable ASCII: 400. */
export class InvalidIdempotencyKeyError extends IdempotencyError {
  constructor() {
    super('INVALID_IDEMPOTENCY_KEY', 'invalid', 400, 'Idempotency-Key must be 1 to 255 printable ASCII characters');
  }
}

/** The key was used before by this user for a different request (method, path or body): 422. */
export class IdempotencyKeyReusedError extends IdempotencyError {
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', 'invalid', 422, 'Idempotency-Key was already used for a different request');
  }
}

/** The first request with this key is still being processed: 409, retry later. */
export class IdempotencyKeyInUseError extends IdempotencyError {
  constructor() {
    super('IDEMPOTENCY_KEY_IN_USE', 'conflict', 409, 'a request with this Idempotency-Key is still being processed');
  }
}

/**
 * The first request with this key wrote something but its answer was not stored (it failed, or the
 * server stopped, after its write committed). Repeating it could write twice: 409; the client
 * looks the result up, or sends a new request with a new key.
 */
export class IdempotentOutcomeUnknownError extends IdempotencyError {
  constructor() {
    super('IDEMPOTENT_OUTCOME_UNKNOWN', 'conflict', 409, 'the request with this Idempotency-Key took effect but its answer is not available');
  }
}
